"""Settings for the whole test run."""
import os


def pytest_configure(config):
    # The Pythons the tests start (`python -m newsclean`, `python -c ...`) must
    # import the newsclean under test, the installed build, and not the source
    # tree that -m and -c put first on sys.path when they run from the
    # checkout: .ci/run tests the compiled build from there. (Python 3.11+;
    # test_cli.py's version test fails if a child imports another build.)
    os.environ["PYTHONSAFEPATH"] = "1"
