"""Load and validate [tool.hclint] / hclint.toml into frozen objects.

Every key is checked here, once, so the rest of hclint can trust what it is given: an unknown
key or a wrong type is an HclintError that names the key and the file.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from hclint.errors import HclintError
from hclint.findings import Severity
from hclint.project.globs import matches
from hclint.project.i18n import I18n
from hclint.project.publishing import Audiences
from hclint.rule import Rule

SEVERITY_WORDS = ("error", "warning", "info", "off")
DEFAULT_CONTENT = "content"
MKDOCS_FILES = ("mkdocs.yml", "mkdocs.yaml")


@dataclass(frozen=True)
class RuleSetting:
    """A rule as configured for one article: severity None means the rule is off."""

    severity: Severity | None
    options: Mapping[str, Any]


@dataclass(frozen=True)
class RulePatch:
    """What one table of the configuration says about a rule; absent parts inherit."""

    severity: Severity | None | str = "inherit"
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Override:
    paths: tuple[str, ...]
    rules: Mapping[str, RulePatch]
    lang: str | None = None


@dataclass(frozen=True)
class Settings:
    """Everything configured for one article."""

    rules: Mapping[str, RuleSetting]
    lang: str

    @cached_property
    def fingerprint(self) -> str:
        """Equal for equal settings: what the cache keys an article's results on. Computed once per
        folder's settings, not once per article."""
        rules = sorted((name, s.severity, sorted(s.options.items())) for name, s in self.rules.items())
        return hashlib.blake2b(repr((rules, self.lang)).encode(), digest_size=16).hexdigest()


@dataclass(frozen=True)
class Config:
    root: Path  # project root: findings' paths are relative to it
    source: Path | None  # the file the configuration came from, if any
    content: Path
    registry: Mapping[str, Rule]
    exclude: tuple[str, ...] = ()
    lang: str = "en"
    rules: Mapping[str, RulePatch] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    mkdocs_file: Path | None = None
    audiences: Audiences = Audiences()
    i18n: I18n | None = None  # mkdocs-static-i18n's languages, read from mkdocs.yml

    def settings_for(self, content_path: str) -> Settings:
        """The settings of one article. Its language: the one its path names in a multilingual
        site (`page.fr.md`, `fr/page.md`), else its folder's override, else the project's."""
        marked = self.i18n.marked(content_path) if self.i18n else None
        return self._settings(tuple(i for i, o in enumerate(self.overrides) if matches(content_path, o.paths)), marked)

    def every_settings(self) -> list[Settings]:
        """The project-wide settings and each override's: what some folder may switch on."""
        return [self._settings(())] + [self._settings((i,)) for i in range(len(self.overrides))]

    @cached_property
    def _cache(self) -> dict[tuple[tuple[int, ...], str | None], Settings]:
        return {}

    def _settings(self, applicable: tuple[int, ...], marked: str | None = None) -> Settings:
        # Overrides and languages are few and shared by whole folders, so settings are built once
        # per combination.
        key = (applicable, marked)
        if key not in self._cache:
            overrides = [self.overrides[i] for i in applicable]
            rules = {
                name: _resolve(rule, [self.rules.get(name), *(o.rules.get(name) for o in overrides)])
                for name, rule in self.registry.items()
            }
            lang = marked or next((o.lang for o in reversed(overrides) if o.lang), self.lang)
            self._cache[key] = Settings(rules, lang)
        return self._cache[key]

    def effective(self) -> dict[str, Any]:
        """The configuration as hclint will apply it, in the shape of hclint.toml."""
        base = self._settings(())
        return {
            "content": _relative(self.content, self.root),
            "exclude": list(self.exclude),
            "lang": self.lang,
            **({"public_audiences": sorted(self.audiences.public)} if self.audiences.configured else {}),
            "rules": {name: _setting_table(s) for name, s in sorted(base.rules.items())},
            "overrides": [_override_table(o) for o in self.overrides],
        }


def _resolve(rule: Rule, patches: list[RulePatch | None]) -> RuleSetting:
    severity: Severity | None = rule.severity
    options = dict(rule.defaults)
    for patch in patches:
        if patch is None:
            continue
        if patch.severity != "inherit":
            severity = patch.severity  # type: ignore[assignment]
        options.update(patch.options)
    return RuleSetting(severity, options)


def _setting_table(setting: RuleSetting) -> dict[str, Any]:
    severity = setting.severity.value if setting.severity else "off"
    return {"severity": severity, **{k: list(v) if isinstance(v, tuple) else v for k, v in setting.options.items()}}


def _override_table(override: Override) -> dict[str, Any]:
    table: dict[str, Any] = {"paths": list(override.paths)}
    if override.lang:
        table["lang"] = override.lang
    table["rules"] = {name: _patch_table(patch) for name, patch in override.rules.items()}
    return table


def _patch_table(patch: RulePatch) -> dict[str, Any]:
    table = dict(patch.options)
    if patch.severity != "inherit":
        table["severity"] = patch.severity.value if isinstance(patch.severity, Severity) else "off"
    return table


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix() or "."
    except ValueError:
        return path.as_posix()


# ---- finding and reading the configuration --------------------------------------------------


def find_config_file(start: Path) -> Path | None:
    """Walk up from start: hclint.toml wins over a pyproject.toml with a [tool.hclint] table."""
    for folder in (start, *start.parents):
        if (folder / "hclint.toml").is_file():
            return folder / "hclint.toml"
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "tool" in _read_toml(pyproject) and "hclint" in _read_toml(pyproject)["tool"]:
            return pyproject
    return None


def load_config(cwd: Path, registry: Mapping[str, Rule], explicit: Path | None = None) -> Config:
    source = explicit.resolve() if explicit else find_config_file(cwd.resolve())
    if explicit and not source.is_file():
        raise HclintError(f"{explicit}: configuration file not found")
    table: dict[str, Any] = {}
    if source is not None:
        data = _read_toml(source)
        table = data.get("tool", {}).get("hclint", {}) if source.name == "pyproject.toml" else data
        root = source.parent
    else:
        root = _mkdocs_folder(cwd.resolve()) or cwd.resolve()
    return _build(table, root, source, registry)


def _mkdocs_folder(start: Path) -> Path | None:
    return next((f for f in (start, *start.parents) if any((f / n).is_file() for n in MKDOCS_FILES)), None)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, UnicodeDecodeError) as error:
        raise HclintError(f"{path}: cannot read configuration: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise HclintError(f"{path}: invalid TOML: {error}") from None


@dataclass(frozen=True)
class _Reader:
    """Validates one configuration table, naming the file and key of every mistake."""

    source: str
    registry: Mapping[str, Rule]

    def fail(self, key: str, message: str) -> HclintError:
        return HclintError(f"{self.source}: {key}: {message}")

    def string(self, table: Mapping[str, Any], key: str, prefix: str = "") -> str | None:
        value = table.get(key)
        if value is not None and not isinstance(value, str):
            raise self.fail(prefix + key, f"expected a string, got {type(value).__name__}")
        return value

    def strings(self, table: Mapping[str, Any], key: str, prefix: str = "") -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(prefix + key, "expected a list of strings")
        return tuple(value)

    def unknown(self, table: Mapping[str, Any], allowed: tuple[str, ...], prefix: str = "") -> None:
        for key in table:
            if key not in allowed:
                raise self.fail(prefix + key, f"unknown key (expected one of: {', '.join(allowed)})")

    def rules(self, table: Any, prefix: str) -> dict[str, RulePatch]:
        if not isinstance(table, dict):
            raise self.fail(prefix.rstrip("."), "expected a table of rule names")
        return {name: self.rule(name, value, f"{prefix}{name}") for name, value in table.items()}

    def rule(self, name: str, value: Any, key: str) -> RulePatch:
        rule = self.registry.get(name)
        if rule is None:
            raise self.fail(key, f"unknown rule {name!r} (see `hclint rules`)")
        if isinstance(value, str):
            return RulePatch(self.severity(value, key))
        if not isinstance(value, dict):
            raise self.fail(key, "expected a severity (error, warning, info, off) or a table of options")
        options = {}
        known = {option.name: option for option in rule.options}
        for option_name, option_value in value.items():
            if option_name == "severity":
                continue
            if option_name not in known and rule.options_from:
                raise self.fail(f"{key}.{option_name}", f"{name} uses the options of {rule.options_from}: set it there")
            if option_name not in known:
                names = ", ".join(["severity", *known]) if known else "severity"
                raise self.fail(f"{key}.{option_name}", f"unknown option of {name} (expected one of: {names})")
            try:
                options[option_name] = known[option_name].validate(option_value)
            except ValueError as error:
                raise self.fail(f"{key}.{option_name}", str(error)) from None
        severity = self.severity(value["severity"], f"{key}.severity") if "severity" in value else "inherit"
        return RulePatch(severity, options)

    def severity(self, value: Any, key: str) -> Severity | None:
        if value not in SEVERITY_WORDS:
            raise self.fail(key, f"expected one of {', '.join(SEVERITY_WORDS)}, got {value!r}")
        return None if value == "off" else Severity(value)

    def override(self, table: Any, key: str) -> Override:
        if not isinstance(table, dict):
            raise self.fail(key, "expected a table with paths and rules")
        self.unknown(table, ("paths", "lang", "rules"), key + ".")
        paths = self.strings(table, "paths", key + ".")
        if not paths:
            raise self.fail(key + ".paths", "an override needs at least one path glob")
        return Override(paths, self.rules(table.get("rules", {}), f"{key}.rules."), self.string(table, "lang", key + "."))


TOP_LEVEL_KEYS = ("content", "exclude", "lang", "public_audiences", "rules", "overrides")


def _build(table: Mapping[str, Any], root: Path, source: Path | None, registry: Mapping[str, Rule]) -> Config:
    reader = _Reader(str(source) if source else "configuration", registry)
    reader.unknown(table, TOP_LEVEL_KEYS)
    mkdocs_file = next((root / n for n in MKDOCS_FILES if (root / n).is_file()), None)
    content = reader.string(table, "content") or _docs_dir(mkdocs_file) or DEFAULT_CONTENT
    overrides = table.get("overrides", [])
    if not isinstance(overrides, list):
        raise reader.fail("overrides", "expected an array of tables ([[tool.hclint.overrides]])")
    return Config(
        root=root,
        source=source,
        content=(root / content).resolve(),
        registry=registry,
        exclude=reader.strings(table, "exclude"),
        lang=reader.string(table, "lang") or "en",
        rules=reader.rules(table.get("rules", {}), "rules."),
        overrides=tuple(reader.override(o, f"overrides[{i}]") for i, o in enumerate(overrides)),
        mkdocs_file=mkdocs_file,
        audiences=_audiences(reader, table),
        i18n=_i18n(mkdocs_file),
    )


def _i18n(mkdocs_file: Path | None) -> I18n | None:
    from hclint.project.site import load_site

    return load_site(mkdocs_file).i18n if mkdocs_file else None


def _audiences(reader: _Reader, table: Mapping[str, Any]) -> Audiences:
    """The audiences that may be published: `public` alone, unless the team lists them."""
    if "public_audiences" not in table:
        return Audiences()
    names = frozenset(" ".join(name.split()).casefold() for name in reader.strings(table, "public_audiences"))
    if "internal" in names:
        raise reader.fail("public_audiences", "internal articles are never published: remove `internal`")
    return Audiences(names, configured=True)


def _docs_dir(mkdocs_file: Path | None) -> str | None:
    if mkdocs_file is None:
        return None
    return str(read_mkdocs(mkdocs_file).get("docs_dir", "docs"))


def read_mkdocs(mkdocs_file: Path) -> dict[str, Any]:
    """mkdocs.yml read by MkDocs's own YAML loader (!ENV, !relative, INHERIT), not validated."""
    from mkdocs.utils.yaml import (  # imported here: only runs that need mkdocs.yml pay for it
        get_yaml_loader,
        yaml_load,
    )

    paths = _ConfigPaths(str(mkdocs_file.resolve()))
    try:
        with mkdocs_file.open("rb") as handle:
            data = yaml_load(handle, get_yaml_loader(config=paths))  # type: ignore[arg-type]
    except Exception as error:  # MkDocs raises several types for a bad file; all are user errors
        raise HclintError(f"{mkdocs_file}: cannot read MkDocs configuration: {error}") from None
    if not isinstance(data, dict):
        raise HclintError(f"{mkdocs_file}: MkDocs configuration must be a mapping")
    paths.docs_dir = str(mkdocs_file.resolve().parent / str(data.get("docs_dir", "docs")))
    return data


@dataclass
class _ConfigPaths:
    """What MkDocs's `!relative $config_dir` and `$docs_dir` read of its configuration object."""

    config_file_path: str
    docs_dir: str = ""
    _current_page: Any = None  # `!relative` alone means the page being rendered: none here
