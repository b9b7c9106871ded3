#!/usr/bin/env python3
"""Writes the reader fixtures in this folder (run from here: python3 make_fixtures.py). Deterministic."""
import gzip, os, zlib

def write(name, data):
    os.makedirs(os.path.dirname(name) or ".", exist_ok=True)
    with open(name, "wb") as f:
        f.write(data)

def gz(data):
    return gzip.compress(data, mtime=0)

# --- WARC -----------------------------------------------------------------------------------------------
def record(typ, uri, date, block, ctype, n):
    target = f"WARC-Target-URI: {uri}\r\n" if uri else ""
    h = (f"WARC/1.0\r\nWARC-Type: {typ}\r\n{target}WARC-Date: {date}\r\n"
         f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
         f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return h + block + b"\r\n\r\n"

def http(status, ctype, body, reason="OK"):
    hdr = f"HTTP/1.1 {status} {reason}\r\n" + (f"Content-Type: {ctype}\r\n" if ctype else "")
    return (hdr + f"Content-Length: {len(body)}\r\n\r\n").encode() + body

RESPONSE = "application/http; msgtype=response"
page_one = ("<html><head><title>Caf\u00e9 prices</title></head><body><p>Coffee now costs \u00a33, "
            "\u201cthe highest ever\u201d.</p></body></html>").encode("cp1252")
page_two = ('<!doctype html><html><head><meta charset="utf-8"><title>Zwei</title></head>'
            '<body><p>Gr\u00fc\u00dfe aus K\u00f6ln \u2014 \u20ac5.</p></body></html>').encode("utf-8")
info = record("warcinfo", None, "2014-11-26T09:59:59Z", b"software: make_fixtures.py\r\n", "application/warc-fields", 1)
request = record("request", "http://example.org/one", "2014-11-26T10:00:00Z",
                 b"GET /one HTTP/1.1\r\nHost: example.org\r\n\r\n", "application/http; msgtype=request", 2)
one = record("response", "http://example.org/one", "2014-11-26T10:00:01Z",
             http(200, "text/html; charset=iso-8859-1", page_one), RESPONSE, 3)
image = record("response", "http://example.org/logo.png", "2014-11-26T10:00:02Z",
               http(200, "image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), RESPONSE, 4)
missing = record("response", "http://example.org/missing", "2014-11-26T10:00:03Z",
                 http(404, "text/html", b"<html><body>not found</body></html>", "Not Found"), RESPONSE, 5)
two = record("response", "http://example.org/two", "2016-05-17T08:30:00Z", http(200, "text/html", page_two), RESPONSE, 6)
records = [info, request, one, image, missing, two]
write("warc/crawl.warc", b"".join(records))
write("warc/crawl.warc.gz", b"".join(gz(r) for r in records))
bad = record("response", "http://example.org/bad", "2014-11-26T10:00:05Z",
             http(200, "text/html", b"<html><body>bad</body></html>"), RESPONSE, 7).replace(
                 b"Content-Length: ", b"Content-Length: x", 1)
write("warc/bad-record.warc", one + bad + two)
write("warc/bad-record.warc.gz", gz(one) + gz(bad) + gz(two))
write("warc/truncated.warc", one + two[: len(two) // 2])
# a Content-Length 500 bytes too long: the record swallows the start of the next one
overlong = record("response", "http://example.org/overlong", "2014-11-26T10:00:06Z",
                  http(200, "text/html", b"<html><body>overlong</body></html>"), RESPONSE, 8)
overlong = overlong.replace(b"Content-Length: ", b"Content-Length: 5", 1)  # e.g. 123 -> 5123
write("warc/overlong-record.warc", one + overlong + two)

def chunked(body, size=40):
    parts = [b"%x\r\n%s\r\n" % (len(body[i:i + size]), body[i:i + size]) for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\n\r\n"

page_chunked = b"<html><head><title>Chunked</title></head><body><p>Sent in chunks of forty bytes.</p></body></html>"
page_gzip = b"<html><head><title>Gzipped</title></head><body><p>Sent with gzip content-encoding.</p></body></html>"
chunked_response = record("response", "http://example.org/chunked", "2014-11-26T10:00:07Z",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(page_chunked),
    RESPONSE, 9)
gzip_response = record("response", "http://example.org/gzipped", "2014-11-26T10:00:08Z",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
    + f"Content-Length: {len(gz(page_gzip))}\r\n\r\n".encode() + gz(page_gzip), RESPONSE, 10)
revisit = record("revisit", "http://example.org/chunked", "2014-11-27T10:00:00Z",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", RESPONSE, 11).replace(
        b"Content-Type:", b"WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest\r\n"
        b"WARC-Refers-To-Target-URI: http://example.org/chunked\r\nContent-Type:", 1)
write("warc/encodings.warc", chunked_response + gzip_response + revisit)

# --- text and HTML ----------------------------------------------------------------------------------------
latin = ("Mr Blair said the \u00a3300 million plan was \u201cthe best deal for Britain\u201d \u2013 "
         "and Caf\u00e9 owners agreed.\n").encode("cp1252")
write("text/latin1.txt", latin)
write("text/utf8.txt", "Grüße aus Köln — “Anführung”.\n".encode("utf-8"))
write("text/utf8-bom.txt", b"\xef\xbb\xbf" + "Price: €5\n".encode("utf-8"))
write("text/utf16le-bom.txt", b"\xff\xfe" + "UTF-16 text: £5\n".encode("utf-16-le"))
write("text/gzipped.txt.gz", gz("A gzip-compressed story about the £ and “quotes”.\n".encode("utf-8")))
write("text/page-latin1.html", ('<html><head><meta http-equiv="Content-Type" content="text/html; '
      'charset=iso-8859-1"><title>Na\u00efve</title></head><body><p>\u00a3300 \u201cquoted\u201d</p></body></html>')
      .encode("cp1252"))
write("text/page-utf8.htm", '<html><head><meta charset="UTF-8"></head><body><p>Köln €5</p></body></html>'.encode())
write("text/page.html.gz", gz(b"<html><body><p>compressed page</p></body></html>"))
write("text/sniffed-page", b"<!DOCTYPE html>\n<html><body><p>a page without an extension</p></body></html>")

# --- bad files --------------------------------------------------------------------------------------------
write("bad/empty.txt", b"")
write("bad/whitespace.txt", b"  \n\t\n  ")
write("bad/binary.txt", b"GIF-ish\0\0\x01\x02 not text \0\xff")
write("bad/photo.txt", b"\xff\xd8\xff\xe0\0\x10JFIF")
whole = gz(("Truncated gzip story. " * 200).encode())
write("bad/truncated.txt.gz", whole[: len(whole) // 2])
corrupt = bytearray(gz(("Corrupt gzip story. " * 50).encode()))
for i in range(12, 30):
    corrupt[i] ^= 0x5a
write("bad/corrupt.txt.gz", bytes(corrupt))
write("bad/not-gzip.txt.gz", b"plain text under a .gz name\n")
write("bad/style.css", b"body { color: red }\n")

# --- JSON Lines -------------------------------------------------------------------------------------------
feed = [
    b'{"id": "reuters-1", "url": "https://example.org/a", "title": "Russia vows support", '
    b'"text": "SOCHI, Russia, Nov 26 (Reuters) - Russia will keep supporting Syria.", '
    b'"published": "2014-11-26T10:15:00Z", "source": "Reuters"}',
    b'{"id": "dw-2", "title": "Vienna talks", "html": "<p>Diplomats met in Vienna.</p>", '
    b'"published": "2016-05-17T09:00:00+02:00", "source": "DW"}',
    b'{"id": "broken", "title": "missing brace", "text": "never closed"',
    b'{"id": "headline-3", "title": "Headline only, no body", "published": "2014-03-10"}',
]
write("jsonl/feed.jsonl", b"\n".join(feed) + b"\n")
write("jsonl/feed.jsonl.gz", gz(b"\n".join(feed[:2]) + b"\n"))
bad_lines = [
    b'{"id": "ok-1", "text": "first good line"}',
    b'',
    b'[1, 2, 3]',
    b'{"id": "latin", "text": "caf\xe9 is not UTF-8"}',
    b'{"id": "typed", "text": 42}',
    b'{"id": "nothing", "url": "https://example.org/empty"}',
    b'{"text": "a line without an id"}',
    b'{"id": "bad-date", "text": "kept without a date", "published": "last Tuesday"}',
    b'{"id": "ok-1", "text": "same id as line 1"}',
    b'{"id": "trailing", "text": "x"} extra',
    b'{"id": "ok-2", "text": "last good line", "published": "2014-11-26 10:00:00"}',
]
write("jsonl/bad-lines.jsonl", b"\r\n".join(bad_lines) + b"\r\n")
