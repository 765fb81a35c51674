#!/usr/bin/env python3
"""Fetch paths from a running server and fail unless each answers 200. The stylesheets, scripts and icons an HTML
page links to under /static/ are fetched too, so a file collectstatic or whitenoise failed to serve is caught.

usage: smoke.py BASE_URL PATH... [--if-routed PATH...] [--wait SECONDS]

--if-routed  paths fetched only when this codebase routes them (django.urls.resolve): a path of a branch not merged
             yet is skipped, and once it is merged a 404 there fails like any other.
--wait       keep trying the first path for up to this many seconds while the server starts.
"""
import argparse
import os
import sys
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent


class AssetLinks(HTMLParser):
    """The same-site /static/ files a page loads: <link href> and <script src>."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        address = attrs.get("href") if tag == "link" else attrs.get("src") if tag == "script" else None
        if address and urlsplit(address).path.startswith("/static/") and not urlsplit(address).netloc:
            self.found.append(address)


def fetch(url):
    """The status, content type and body of a GET; an HTTP error status is an answer, not an exception."""
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def wait_for(url, seconds):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return fetch(url)
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def routed(paths):
    """The paths this codebase's URLconf resolves."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.urls import Resolver404, resolve

    django.setup()
    found = []
    for path in paths:
        try:
            resolve(urlsplit(path).path)
            found.append(path)
        except Resolver404:
            print(f"skip {path}: not routed in this codebase")
    return found


def check(base, paths, wait=0.0):
    """Print one line per fetch; return how many failed."""
    failures = 0
    assets = []
    for number, path in enumerate(paths):
        url = urljoin(base, path)
        status, content_type, body = wait_for(url, wait) if number == 0 and wait else fetch(url)
        ok = status == 200 and bool(body)
        print(f"{'ok  ' if ok else 'FAIL'} {status} {path} ({content_type}, {len(body)} bytes)")
        failures += not ok
        if ok and content_type.startswith("text/html"):
            parser = AssetLinks()
            parser.feed(body.decode("utf-8", "replace"))
            assets += [address for address in parser.found if address not in assets]
    for address in assets:
        status, content_type, body = fetch(urljoin(base, address))
        ok = status == 200 and bool(body)
        print(f"{'ok  ' if ok else 'FAIL'} {status} {address} ({content_type}, {len(body)} bytes, linked from a page)")
        failures += not ok
    return failures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--if-routed", nargs="+", default=[], metavar="PATH")
    parser.add_argument("--wait", type=float, default=0.0)
    args = parser.parse_args(argv)
    paths = args.paths + (routed(args.if_routed) if args.if_routed else [])
    failures = check(args.base, paths, args.wait)
    print(f"smoke: {len(paths)} paths, {failures} failure{'s' if failures != 1 else ''}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
