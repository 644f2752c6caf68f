"""Write newsclean/data/combining_marks.txt: the ranges of Unicode combining
marks (general category M: Mn, Mc, Me), from the running Python's
``unicodedata``.

    python scripts/combining_marks.py > newsclean/data/combining_marks.txt

``newsclean.text.words.words`` counts them as parts of words. Python's ``\\w``
does not: it would cut "हिन्दी" or a voweled Arabic word at every vowel sign.
Computing the ranges at import would cost about a tenth of a second in every
process, so they are a data file; tests/test_words.py checks it against
``unicodedata``.
"""
import sys
import unicodedata


def ranges():
    out, start = [], None
    for cp in range(sys.maxunicode + 2):
        mark = cp <= sys.maxunicode and unicodedata.category(chr(cp)).startswith("M")
        if mark and start is None:
            start = cp
        elif not mark and start is not None:
            out.append((start, cp - 1))
            start = None
    return out


def main() -> None:
    print(f"# Combining marks (Unicode general category M), Unicode {unicodedata.unidata_version}:")
    print("# first-last code point, hexadecimal. Written by scripts/combining_marks.py.")
    for a, b in ranges():
        print(f"{a:04X}-{b:04X}")


if __name__ == "__main__":
    main()
