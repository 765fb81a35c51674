"""The store does not depend on the extractor: ``meetings`` never imports ``ingest``."""
import ast
from pathlib import Path

MEETINGS = Path(__file__).resolve().parents[2] / "meetings"


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_module_of_the_store_imports_the_extractor():
    offenders = {str(path.relative_to(MEETINGS)): sorted(name for name in imported_modules(path)
                                                         if name == "ingest" or name.startswith("ingest."))
                 for path in MEETINGS.rglob("*.py")}
    assert {path: names for path, names in offenders.items() if names} == {}
