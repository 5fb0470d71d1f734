#!/usr/bin/env python3
"""Prints the `pattern` of the `cursor` parameter in openapi.yaml.

A cursor (Sources/Web/Lists/KeysetCursor.swift) is the unpadded base64url of
`<micros>:<uuid>`, the microseconds since the epoch and the lower-case id of the previous
page's last item. The pattern admits exactly the cursors of positions with 16-digit micros
starting 1-8 (2001-09-09 to 2255): each base64 group of four characters encodes three
bytes, each byte drawn from its own set (a digit, `:`, a hex digit, `-`), so each group is
an alternation over the characters those sets make, factored by the bits neighbours share.
"""
import string

B64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
RUNS = (string.ascii_uppercase, string.ascii_lowercase, string.digits)


def char_class(indices):
    """A character class of base64url digits, with runs of letters or digits as ranges."""
    chars = [B64[i] for i in sorted(set(indices))]
    parts = []
    for char in chars:
        last = parts[-1] if parts else None
        if last and any(char in run and last[-1] in run for run in RUNS) and ord(char) == ord(last[-1]) + 1:
            last.append(char)
        else:
            parts.append([char])
    text = "".join(p[0] if len(p) == 1 else p[0] + p[1] if len(p) == 2 else f"{p[0]}-{p[-1]}" for p in parts)
    return text if len(chars) == 1 and text not in "-_" else f"[{text}]"


def alternation(options):
    options = list(options)
    return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"


def group(first, second, third=None):
    """The four (or, for two bytes, three) characters of bytes drawn from these sets."""
    options = []
    for high in sorted({b >> 4 for b in second}):
        lead = alternation(
            B64[c0] + char_class({((b & 3) << 4) | high for b in first if b >> 2 == c0})
            for c0 in sorted({b >> 2 for b in first}))
        lows = {b & 15 for b in second if b >> 4 == high}
        if third is None:
            tail = char_class({low << 2 for low in lows})
        else:
            tail = alternation(
                char_class({(low << 2) | top for low in lows}) + char_class({b & 63 for b in third if b >> 6 == top})
                for top in sorted({b >> 6 for b in third}))
        options.append(lead + tail)
    return alternation(options)


def main():
    digit, lead, hexdigit = set(b"0123456789"), set(b"12345678"), set(b"0123456789abcdef")
    colon, dash = {ord(":")}, {ord("-")}
    byte_sets = ([lead] + [digit] * 15 + [colon] + [hexdigit] * 8 + [dash] + [hexdigit] * 4 + [dash]
                 + [hexdigit] * 4 + [dash] + [hexdigit] * 4 + [dash] + [hexdigit] * 12)
    groups = [group(*byte_sets[i:i + 3]) for i in range(0, 51, 3)] + [group(*byte_sets[51:53])]
    folded = []
    for g in groups:
        if folded and folded[-1][0] == g:
            folded[-1][1] += 1
        else:
            folded.append([g, 1])
    print("^" + "".join(g if n == 1 else f"(?:{g}){{{n}}}" for g, n in folded) + "$")


if __name__ == "__main__":
    main()
