"""Write newsclean/data/icon_names.txt: the multi-part names of the Font Awesome
6 Free and Material Design Icons 6 sets, from the charmaps qtawesome ships
(``pip download --no-deps qtawesome==1.4.2``, then pass the wheel).

    python scripts/icon_names.py qtawesome-1.4.2-py3-none-any.whl > newsclean/data/icon_names.txt

The icon detector reads them as the names icon fonts and ligatures print
when a scraper keeps their text ("chevron-left", "chevron_left", "fa-circle-user").
Only names of two parts or more are kept: one-word names ("home", "book")
are ordinary words.
"""
import json
import sys
import zipfile

SETS = ("fontawesome6-solid", "fontawesome6-regular", "fontawesome6-brands", "materialdesignicons6")


def main() -> None:
    names = set()
    with zipfile.ZipFile(sys.argv[1]) as whl:
        for info in whl.infolist():
            base = info.filename.rsplit("/", 1)[-1]
            if base.endswith(".json") and base.startswith(SETS):
                names.update(k for k in json.loads(whl.read(info)) if "-" in k)
    print("# Multi-part icon names of Font Awesome 6 Free (icons CC BY 4.0) and Material Design Icons 6")
    print("# (Apache 2.0), from the charmaps in qtawesome 1.4.2 (MIT); written by scripts/icon_names.py.")
    for n in sorted(names):
        print(n)


if __name__ == "__main__":
    main()
