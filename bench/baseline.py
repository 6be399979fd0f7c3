"""`bench/run.py --baseline-from COMMIT`: the "before" figures, measured by this harness on older code.

A detached git worktree of COMMIT in a temporary folder gets this bench/ package in place of its own, then
`bench/run.py --measure-into` runs there against the same database: no migrate (the older code only reads the
newer schema; the bench users and the started 2026 year were written by the current code just before), each
page on its own, so a page that does not exist or fails at COMMIT is recorded with its reason. The worktree is
removed afterwards, whatever happened.
"""

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench"
# Outputs of runs, not the harness.
NOT_COPIED = shutil.ignore_patterns("__pycache__", "*.json", "results.md")


def measure(commit: str, args, out: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix="chungsuc-baseline-"))
    tree = folder / "tree"
    git("worktree", "add", "--detach", "--quiet", str(tree), commit)
    try:
        # This harness, whatever bench/ held at COMMIT; the bench settings only where COMMIT had none.
        shutil.rmtree(tree / "bench", ignore_errors=True)
        shutil.copytree(HERE, tree / "bench", ignore=NOT_COPIED)
        for name in ("config/bench_settings.py", "config/bench_urls.py"):
            if not (tree / name).exists() and (tree / name).parent.is_dir():
                shutil.copy2(ROOT / name, tree / name)
        print(f"Baseline: measuring {git('rev-parse', '--short', commit).strip()} in {tree}…")
        command = [sys.executable, "bench/run.py", "--measure-into", str(out.resolve())]
        command += ["--runs", str(args.runs), "--warmup", str(args.warmup), "--seconds", str(args.seconds)]
        command += ["--connections", str(args.connections), "--workers", str(args.workers)]
        command += ["--skip-load"] if args.skip_load else []
        finished = subprocess.run(command, cwd=tree, stderr=subprocess.PIPE, text=True)
    finally:
        git("worktree", "remove", "--force", str(tree))
        shutil.rmtree(folder, ignore_errors=True)
        git("worktree", "prune")
    sys.stderr.write(finished.stderr)
    if finished.returncode:  # the older code did not even start: every row is "—", with the last words of why
        reason = (finished.stderr.strip().splitlines() or ["no output"])[-1][:300]
        results = {"date": "", "pages": [{"key": "all", "missing": f"the harness failed at {commit}: {reason}"}]}
    else:
        results = json.loads(out.read_text(encoding="utf-8"))
    results["commit"] = git("rev-parse", commit).strip()
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")


def git(*arguments: str) -> str:
    done = subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"git {' '.join(arguments)}: {done.stderr.strip()}")
    return done.stdout
