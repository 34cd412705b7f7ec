"""The external link checker against a real HTTP server on 127.0.0.1: what it concludes, and what
it sent on the wire (methods, counts, concurrency, spacing)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from hclint.rules.external.http import check_urls, is_private, retry_after_seconds, retry_wait
from hclint.rules.external.result import Settings, Verdict
from tests.link_server import UNRESOLVABLE, Log, closed_port, serve

# Short waits so the suite stays fast; the defaults are for real hosts.
FAST = Settings(timeout=0.5, retries=2, backoff=0.01, max_wait=2.0, min_interval=0.0, include_private=True)


@pytest.fixture(scope="module")
def server():
    with serve() as running:
        yield running


def check_one(server, path: str, settings: Settings = FAST):
    url = server.base + path
    return check_urls([url], settings)[url]


def test_a_good_link_takes_one_head_request():
    with serve() as server:
        result = check_one(server, "/ok")
        assert result.verdict is Verdict.OK
        assert server.log.methods("/ok") == ["HEAD"]


@pytest.mark.parametrize("path", ["/moved", "/moved-308", "/moved-twice"])
def test_permanent_redirects_name_where_they_lead(server, path):
    result = check_one(server, path)
    assert result.verdict is Verdict.REDIRECT
    assert result.final_url == server.base + "/ok"
    assert result.status in (301, 308)


def test_a_temporary_redirect_is_fine(server):
    assert check_one(server, "/temporary").verdict is Verdict.OK


def test_a_redirect_loop_is_broken(server):
    result = check_one(server, "/loop-a")
    assert result.verdict is Verdict.BROKEN
    assert "redirect loop" in result.detail


def test_at_most_ten_redirects_are_followed(server):
    assert check_one(server, "/chain/10").verdict is Verdict.OK
    result = check_one(server, "/chain/11")
    assert result.verdict is Verdict.BROKEN
    assert result.detail == "more than 10 redirects"


@pytest.mark.parametrize(("path", "status"), [("/missing", 404), ("/gone", 410)])
def test_missing_and_gone_pages_are_broken(server, path, status):
    result = check_one(server, path)
    assert (result.verdict, result.status) == (Verdict.BROKEN, status)


def test_a_refused_connection_is_broken_after_retries():
    result = check_urls([f"http://127.0.0.1:{closed_port()}/x"], FAST)
    assert [(r.verdict, r.detail) for r in result.values()] == [(Verdict.BROKEN, "connection refused")]


def test_a_name_that_does_not_resolve_is_broken():
    result = check_urls([f"http://{UNRESOLVABLE}/page"], FAST)
    assert [(r.verdict, r.detail) for r in result.values()] == [(Verdict.BROKEN, "the host name does not resolve")]


def test_a_link_that_keeps_answering_429_is_not_checked_never_broken():
    with serve() as server:
        result = check_one(server, "/busy")
        assert result.verdict is Verdict.NOT_CHECKED
        assert len(server.log.methods("/busy")) == FAST.retries + 1


def test_retry_after_is_honoured_before_asking_again():
    with serve() as server:
        assert check_one(server, "/busy-once").verdict is Verdict.OK
        first, second = server.log.times("/busy-once")
        assert second - first >= 0.95  # the server said Retry-After: 1


def test_a_retry_after_beyond_the_cap_is_not_waited_for_nor_asked_again():
    with serve() as server:
        assert check_one(server, "/busy-for-an-hour").verdict is Verdict.NOT_CHECKED
        assert len(server.log.methods("/busy-for-an-hour")) == 1


def test_a_503_then_200_is_fine():
    with serve() as server:
        assert check_one(server, "/unavailable-once").verdict is Verdict.OK
        assert len(server.log.methods("/unavailable-once")) == 2


@pytest.mark.parametrize(("path", "status"), [("/unavailable", 503), ("/error", 500)])
def test_server_errors_that_persist_are_unreachable_not_broken(path, status):
    with serve() as server:
        result = check_one(server, path)
        assert (result.verdict, result.status) == (Verdict.UNREACHABLE, status)
        assert len(server.log.methods(path)) == FAST.retries + 1


def test_an_answer_slower_than_the_timeout_is_unreachable(server):
    result = check_one(server, "/slow", Settings(timeout=0.3, retries=0, include_private=True))
    assert result.verdict is Verdict.UNREACHABLE
    assert result.detail == "no answer within 0.3 s"


def test_head_refused_then_get_reads_headers_only():
    with serve() as server:
        assert check_one(server, "/no-head").verdict is Verdict.OK
        assert server.log.methods("/no-head") == ["HEAD", "GET"]
        assert server.log.bodies_sent_whole == 0


def test_forbidden_after_get_is_a_page_behind_a_sign_in(server):
    assert check_one(server, "/forbidden").verdict is Verdict.OK


def test_a_reset_connection_is_unreachable(server):
    result = check_one(server, "/reset")
    assert (result.verdict, result.detail) == (Verdict.UNREACHABLE, "the connection was reset")


def test_a_url_that_is_not_valid_is_broken():
    result = check_urls(["http://[::1/page"], FAST)
    assert [r.verdict for r in result.values()] == [Verdict.BROKEN]


def test_private_addresses_are_never_asked_by_default():
    with serve() as server:
        port = server.server_address[1]
        urls = [f"{server.base}/ok", f"http://localhost:{port}/ok", f"http://[::ffff:127.0.0.1]:{port}/ok"]
        results = check_urls(urls, Settings())
        assert {r.verdict for r in results.values()} == {Verdict.SKIPPED}
        assert server.log.requests == []


def test_include_private_asks_them():
    with serve() as server:
        port = server.server_address[1]
        results = check_urls([f"http://localhost:{port}/ok"], Settings(include_private=True))
        assert [r.verdict for r in results.values()] == [Verdict.OK]


def test_requests_to_one_host_stay_within_the_limit():
    with serve() as server:
        urls = [f"{server.base}/held/{i}" for i in range(12)]
        results = check_urls(urls, Settings(max_per_host=3, min_interval=0.0, include_private=True))
        assert {r.verdict for r in results.values()} == {Verdict.OK}
        assert server.log.most_in_flight <= 3


def test_requests_to_all_hosts_stay_within_the_limit():
    shared = Log()
    with serve("127.0.0.1", shared) as one, serve("127.0.0.2", shared) as two, serve("127.0.0.3", shared) as three:
        urls = [f"{s.base}/held/{i}" for s in (one, two, three) for i in range(6)]
        results = check_urls(urls, Settings(max_concurrency=5, max_per_host=4, min_interval=0.0, include_private=True))
        assert {r.verdict for r in results.values()} == {Verdict.OK}
        assert len(shared.requests) == 18
        assert 1 < shared.most_in_flight <= 5


def test_requests_to_one_host_are_spaced_by_the_minimum_interval():
    with serve() as server:
        urls = [f"{server.base}/page/{i}" for i in range(4)]
        check_urls(urls, Settings(max_per_host=4, min_interval=0.2, include_private=True))
        times = sorted(server.log.times())
        assert len(times) == 4
        assert all(later - earlier >= 0.18 for earlier, later in zip(times, times[1:]))


NOW = datetime(2026, 11, 23, 12, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("Mon, 23 Nov 2026 12:00:30 GMT", 30.0),
        ("Mon, 23 Nov 2026 11:00:00 GMT", 0.0),  # a date in the past: ask again now
        ("soon", None),
        ("", None),
        (None, None),
        ("-5", None),
    ],
)
def test_retry_after_is_read_as_seconds_or_an_http_date(value, seconds):
    assert retry_after_seconds(value, NOW) == seconds


def test_backoff_doubles_up_to_the_cap_and_a_long_retry_after_gives_up():
    settings = Settings(backoff=1.0, max_wait=5.0)
    assert [retry_wait(None, attempt, settings, NOW) for attempt in range(4)] == [1.0, 2.0, 4.0, 5.0]
    assert retry_wait("4", 0, settings, NOW) == 4.0
    assert retry_wait("3600", 0, settings, NOW) is None


@pytest.mark.parametrize(
    ("address", "private"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("192.168.1.10", True),
        ("169.254.169.254", True),  # cloud metadata services live here
        ("::1", True),
        ("fe80::1", True),
        ("fd00::1", True),
        ("::ffff:10.0.0.1", True),
        ("0.0.0.0", True),
        ("93.184.215.14", False),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", False),
    ],
)
def test_private_addresses_are_recognised(address, private):
    assert is_private(address) is private
