"""The one exception type for user mistakes: caught once by click, printed as one line, exit 2."""

import click


class HclintError(click.ClickException):
    exit_code = 2
