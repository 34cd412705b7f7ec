"""The duplicate rules on real text pairs, run through the real CLI on help centers in tmp folders."""

from __future__ import annotations

import re

import pytest

from hclint.rules.duplicates import phrase_key, version
from tests.conftest import run_hclint, write_center

DUPLICATE_RULES = ("duplicate-article", "duplicate-title", "duplicate-question", "copied-passage")

FOOTER = """
## Before you start

You need an administrator account on your Contoso workspace. If you are not sure whether you
have one, ask the person who invited you to Contoso, or open **Settings** and check the role
shown next to your name. Some steps are only available on the Business and Enterprise plans.

Was this article helpful? Tell us what we can improve with the feedback button at the bottom of
this page. Our support team reads every message and answers within two working days.
"""

RESET = """---
title: Reset your password
---

# Reset your password

If you forgot your password, you can reset it yourself from the sign-in page. You need access to
the email address of your Contoso account, because we send the reset link there.

## Request a reset link

1. On the sign-in page, select **Forgot password**.
2. Enter the email address of your account and select **Send link**.
3. Open the email from Contoso and select the reset link. The link expires after 30 minutes.

If the email does not arrive within five minutes, look in your spam folder. Company mail filters
sometimes hold messages from new senders.

## Choose a new password

Enter a new password twice and select **Save**. The password must have at least 12 characters
and must not match any of your last five passwords. When you save it, Contoso signs you out on
every other device, and you sign in again there with the new password.

## If your account uses single sign-on

When your company signs you in through Microsoft Entra ID or Okta, Contoso has no password for
you. Ask your IT department to reset the password of your company account instead.
"""

# The same article rewritten by another writer, as the evaluation plants them: a new title,
# sections reordered, about a third of the sentences dropped or reworded.
FORGOT = """---
title: I forgot my password
---

# I forgot my password

## If your account uses single sign-on

When your company signs you in through Microsoft Entra ID or Okta, there is no Contoso password
to reset. Ask your IT department to reset the password of your company account instead.

## Get a reset link

If you forgot your password, you can reset it yourself from the sign-in page. You need access to
the email address of your Contoso account.

1. Select **Forgot password** on the sign-in page.
2. Enter the email address of your account and select **Send link**.
3. Open the email from Contoso and select the reset link. The link expires after 30 minutes.

If the email does not arrive within five minutes, look in your spam folder.

## Choose a new password

Enter a new password twice and select **Save**. The password must have at least 12 characters
and must not match any of your last five passwords. Contoso then signs you out on your other
devices.
"""

# Same topic (passwords), a different question.
POLICY = """---
title: Set password rules for your team
---

# Set password rules for your team

Administrators decide how strong the passwords of their team must be and how often people change
them. The rules apply to everyone who signs in with a Contoso password.

## Open the security settings

Open **Settings**, select **Security**, then select **Password policy**. Only administrators see
this page.

## Choose the rules

- **Minimum length**: from 8 to 64 characters. We recommend at least 12.
- **Expiry**: ask people to choose a new password every 90, 180 or 365 days, or never.
- **Reuse**: stop people from choosing one of their last passwords again.

Select **Save policy**. People whose password breaks the new rules choose a new one the next time
they sign in.

## Two-step verification

You can also require a code from an authenticator app at every sign-in. Select **Require
two-step verification** and choose a date from which the rule applies.
"""

TOPICS = {
    "invoices.md": (
        "Create an invoice",
        "Open **Billing** and select **New invoice**. Choose the customer, add one line for each product or "
        "service, and set the due date. Contoso adds the tax rate of the customer's country. Select **Send** "
        "to email the invoice as a PDF, or **Save draft** to finish it later.",
    ),
    "export.md": (
        "Export your data",
        "Open **Settings**, select **Data**, then **Export**. Choose CSV for spreadsheets or JSON for other "
        "programs. Large exports run in the background; we email you a download link that works for seven "
        "days. Exports include projects, tasks and comments, but not attachments.",
    ),
    "notifications.md": (
        "Choose which notifications you get",
        "Select your picture, then **Notifications**. For each kind of event, such as a mention, a new "
        "comment or a due date, choose email, mobile push or nothing. Quiet hours stop push notifications "
        "at night in your own time zone.",
    ),
    "calendar.md": (
        "Connect your calendar",
        "Open **Integrations** and select **Google Calendar** or **Outlook**. Sign in to the calendar "
        "account and allow Contoso to read and write events. Tasks with a due date then show up in your "
        "calendar, and meetings you accept appear on your Contoso timeline.",
    ),
    "invite.md": (
        "Invite people to your workspace",
        "Open **Members** and select **Invite**. Enter one email address per line and choose a role for each "
        "person: member, guest or administrator. Invitations expire after 14 days; you can send them again "
        "from the same page.",
    ),
    "archive.md": (
        "Archive a project",
        "Open the project, select the three dots next to its name, then **Archive**. Archived projects leave "
        "the sidebar and stop counting toward your plan's limit. Anyone with access can restore an archived "
        "project from **Projects** > **Archived**.",
    ),
}


def topic(title: str, body: str, footer: str = "") -> str:
    return f"---\ntitle: {title}\n---\n\n# {title}\n\n{body}\n{footer}"


def center(tmp_path, extra: dict[str, str], footer: str = "", config: str = ""):
    files = {f"content/{name}": topic(title, body, footer) for name, (title, body) in TOPICS.items()}
    files.update({f"content/{name}": text for name, text in extra.items()})
    return write_center(tmp_path, files, config)


def findings(root, *args: str, rules=DUPLICATE_RULES) -> list[dict]:
    result = run_hclint(root, "check", "--format", "json", "--fail-on", "info", "--no-cache", *args)
    return [f for f in result.json if f["rule"] in rules]


def pairs(found: list[dict], rule: str = "duplicate-article") -> set[tuple[str, str]]:
    return {(f["path"], re.search(r"as (\S+) \(similarity", f["message"]).group(1)) for f in found if f["rule"] == rule}


def test_rewritten_duplicate_is_reported_on_both_sides(tmp_path):
    root = center(tmp_path, {"reset-password.md": RESET, "account/forgot-password.md": FORGOT, "password-policy.md": POLICY})
    found = [f for f in findings(root) if f["rule"] == "duplicate-article"]
    assert pairs(found) == {
        ("content/reset-password.md", "account/forgot-password.md"),
        ("content/account/forgot-password.md", "reset-password.md"),
    }
    reset = next(f for f in found if f["path"] == "content/reset-password.md")
    score = float(re.search(r"similarity (\d\.\d\d)", reset["message"]).group(1))
    assert 0.75 <= score <= 1
    # The sections that overlap most, with their lines on each side.
    assert '"If your account uses single sign-on" (line 25) here and "If your account uses single sign-on" (line 7) there' in reset["message"]
    assert '"Choose a new password" (line 19) here and "Choose a new password" (line 23) there' in reset["message"]
    assert reset["line"] == 25  # this side's section that overlaps most
    assert "duplicates_ok: [account/forgot-password.md]" in reset["hint"]


def test_same_topic_different_question_is_not_a_duplicate(tmp_path):
    root = center(tmp_path, {"reset-password.md": RESET, "password-policy.md": POLICY})
    assert findings(root) == []


def test_a_pre_commit_run_compares_the_named_file_with_the_whole_help_center(tmp_path):
    root = center(tmp_path, {"reset-password.md": RESET, "forgot-password.md": FORGOT, "password-policy.md": POLICY})
    found = findings(root, "content/forgot-password.md")
    assert pairs(found) == {("content/forgot-password.md", "reset-password.md")}


@pytest.mark.parametrize("translation", ["fr/reset-password.md", "reset-password.fr.md", "pt-BR/reset-password.md"])
def test_a_translation_is_never_a_duplicate(tmp_path, translation):
    # A translation in progress: the headings are translated, most of the body is not yet.
    french = RESET.replace("title: Reset your password", "title: Réinitialiser votre mot de passe")
    french = french.replace("## Request a reset link", "## Demander un lien").replace("# Reset your password", "# Réinitialiser")
    root = center(tmp_path, {"reset-password.md": RESET, translation: french})
    assert findings(root) == []


def test_the_same_copy_outside_a_language_folder_is_a_duplicate(tmp_path):
    # The control for the translation test: "old" is not a language, so this is a real copy.
    root = center(tmp_path, {"reset-password.md": RESET, "old/reset-password.md": RESET})
    assert {f["rule"] for f in findings(root)} == set(DUPLICATE_RULES) - {"duplicate-question"}


def test_articles_in_two_languages_are_never_duplicates(tmp_path):
    root = center(tmp_path, {"reset-password.md": RESET, "de/passwort.md": RESET})
    assert findings(root) == []


def test_boilerplate_shared_by_many_articles_makes_nothing_alike(tmp_path):
    # Every article carries the same prerequisites block and feedback footer: learned and ignored.
    root = center(tmp_path, {}, footer=FOOTER, config='rules."copied-passage" = {min_words = 25}')
    assert findings(root) == []


def test_the_same_block_in_only_two_articles_is_a_copied_passage(tmp_path):
    # The control for the boilerplate test: below boilerplate_articles the block is a real copy.
    files = {"a.md": topic(*TOPICS["invoices.md"], FOOTER), "b.md": topic(*TOPICS["export.md"], FOOTER)}
    root = write_center(tmp_path, {f"content/{k}": v for k, v in files.items()}, 'rules."copied-passage" = {min_words = 25}')
    found = findings(root, rules=("copied-passage",))
    assert [(f["path"], f["line"]) for f in found] == [("content/a.md", 11), ("content/a.md", 15), ("content/b.md", 11), ("content/b.md", 15)]
    assert "stands nearly word for word in b.md (line 11" in found[0]["message"]


def test_copied_passage_with_words_changed(tmp_path):
    paragraph = RESET.split("## Choose a new password\n\n")[1].split("\n\n")[0]
    changed = paragraph.replace("Enter a new password twice", "Type the new password twice").replace("every other", "each other")
    other = topic("Change your password", "Open **Settings** and select **Password**.\n\n" + changed)
    root = center(tmp_path, {"reset-password.md": RESET, "change-password.md": other}, config='rules."copied-passage" = {min_words = 40}')
    found = findings(root, rules=("copied-passage",))
    assert [(f["path"], f["line"], f["severity"]) for f in found] == [
        ("content/change-password.md", 9, "info"),
        ("content/reset-password.md", 21, "info"),
    ]
    assert re.search(r"this 4\d-word paragraph stands nearly word for word in reset-password.md \(line 21, 0\.\d\d alike\)", found[0]["message"])


def test_duplicates_ok_acknowledges_a_pair_from_either_side(tmp_path):
    acknowledged = RESET.replace("title: Reset your password\n", "title: Reset your password\nduplicates_ok: [account/forgot-password.md]\n")
    root = center(tmp_path, {"reset-password.md": acknowledged, "account/forgot-password.md": FORGOT})
    assert findings(root) == []


def test_duplicates_ok_that_is_wrong_is_reported(tmp_path):
    wrong_type = RESET.replace("title: Reset your password\n", "title: Reset your password\nduplicates_ok: {a: 1}\n")
    missing = FORGOT.replace("title: I forgot my password\n", "title: I forgot my password\nduplicates_ok: gone.md\n")
    root = center(tmp_path, {"reset-password.md": wrong_type, "forgot.md": missing})
    messages = {(f["path"], f["line"], f["message"]) for f in findings(root) if f["line"] == 3}
    assert messages == {
        ("content/reset-password.md", 3, "`duplicates_ok` must be a list of article paths"),
        ("content/forgot.md", 3, "`duplicates_ok` names gone.md, which is not an article of this help center"),
    }


def test_duplicate_title_after_normalising(tmp_path):
    root = center(tmp_path, {"guides/export-data.md": topic("How to export data?", "Use the **Export** page.")})
    found = findings(root, rules=("duplicate-title",))
    assert [(f["path"], f["line"]) for f in found] == [("content/export.md", 2), ("content/guides/export-data.md", 2)]
    assert 'the title of guides/export-data.md ("How to export data?")' in found[0]["message"]


def test_duplicate_question_names_the_other_heading(tmp_path):
    faq = "---\ntitle: Billing FAQ\n---\n\n## Can I get a refund?\n\nWithin 30 days, yes.\n\n## How do I cancel an order?\n\nOpen the order and select **Cancel**.\n"
    orders = "---\ntitle: Orders\n---\n\nOrders list what you bought.\n\n## Cancelling orders?\n\nNot here.\n\n## Can I cancel orders?\n\nYes, from the order page.\n"
    root = center(tmp_path, {"billing-faq.md": faq, "orders.md": orders})
    found = findings(root, rules=("duplicate-question",))
    assert [(f["path"], f["line"], f["message"]) for f in found] == [
        ("content/billing-faq.md", 9, 'the question "How do I cancel an order?" is also answered in orders.md (line 11: "Can I cancel orders?")'),
        ("content/orders.md", 11, 'the question "Can I cancel orders?" is also answered in billing-faq.md (line 9: "How do I cancel an order?")'),
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [("How to reset your password", "Reset a password"), ("What are blanket orders?", "Blanket order"),
     ("How do I cancel an order?", "Can I cancel orders?"), ("A guide to the API", "API")],
)
def test_phrases_that_mean_the_same_share_a_key(first, second):
    assert phrase_key(first) == phrase_key(second)


@pytest.mark.parametrize(("first", "second"), [("Reset a password", "Reset a passkey"), ("Export data", "Import data")])
def test_phrases_that_differ_keep_different_keys(first, second):
    assert phrase_key(first) != phrase_key(second)


@pytest.mark.parametrize(
    ("path", "lang", "key"),
    [("fr/x.md", "fr", "x"), ("x.fr.md", "fr", "x"), ("guides/x.md", None, "guides/x"), ("zh-Hans/a/x.md", "zh-hans", "a/x"),
     ("ui/x.md", None, "ui/x"), ("x.v2.md", None, "x.v2")],
)
def test_language_and_translation_key_of_a_path(path, lang, key):
    assert version(path) == (lang, key)


def test_template_headings_are_not_questions(tmp_path):
    # Rule pages share "What it checks" and "Why it matters"; an FAQ heading in five articles is a template.
    page = "---\ntitle: {0}\n---\n\n## What it checks\n\nThe {0} rule.\n\n## How do I contact support?\n\nUse the chat.\n"
    names = ("alpha", "beta", "gamma", "delta", "epsilon")
    root = write_center(tmp_path, {f"content/{n}.md": page.format(n) for n in names})
    assert findings(root, rules=("duplicate-question",)) == []


PREPAYMENTS = """---
title: Set up {who} prepayments
---

# Set up {who} prepayments

Prepayments are advance payments on {doc} orders that are {done} before the final invoice.
A {who} prepayment is posted to the {who} account and shown on the {who} card.

## Turn on prepayments for a {who}

1. Open the {who} card and select **Payments**.
2. In the **Prepayment %** field, enter the share of each order that the {who} pays in advance.
3. Select **Save**. New {doc} orders for this {who} get the prepayment percentage.

## Post a prepayment invoice

Open the {doc} order and select **Post Prepayment Invoice**. The invoice lists the prepayment
amount and the VAT on it. When the {who} pays, apply the payment to the prepayment invoice.
"""


def test_customer_and_vendor_versions_of_one_task_are_not_duplicates(tmp_path):
    # A neighbouring topic: the same template, another subject. Their similarity (0.74) passes the
    # threshold set here; the subject check ("customer" against "vendor") keeps them apart.
    customer = PREPAYMENTS.format(who="customer", doc="sales", done="received")
    vendor = PREPAYMENTS.format(who="vendor", doc="purchase", done="paid")
    files = {"customer-prepayments.md": customer, "vendor-prepayments.md": vendor}
    root = center(tmp_path, files, config='rules."duplicate-article" = {threshold = 0.6}')
    assert findings(root, rules=("duplicate-article",)) == []
