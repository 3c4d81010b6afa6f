"""The seed files (fixtures/seeds/*.yaml, see fixtures/README.md): finding them and reading one."""

from collections.abc import Iterable
from pathlib import Path

import yaml

SEED_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


class SeedError(Exception):
    """A seed file that cannot be loaded as written; the message says where and why."""


def seed_files(slugs: Iterable[str] = ()) -> list[Path]:
    """The seed files, all of them or those named by slug."""
    files = sorted(SEED_DIR.glob("*.yaml"))
    wanted = set(slugs)
    if wanted:
        found = {path.stem for path in files}
        if missing := wanted - found:
            raise SeedError(f"No seed programme called {', '.join(sorted(missing))}.")
        files = [path for path in files if path.stem in wanted]
    return files


def read_seed(path: Path) -> dict:
    try:
        # The C parser, where PyYAML was built with libyaml, is ten times faster than Python's.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as error:
        raise SeedError(f"{path.name}: not valid YAML: {error}") from error
    if not isinstance(data, dict) or "programme" not in data:
        raise SeedError(f"{path.name}: expected a mapping with a 'programme' key.")
    return data
