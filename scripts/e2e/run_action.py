"""Runs a composite GitHub Action's shell steps as the runner does, for the install tests.

usage: run_action.py ACTION_DIR CONTEXT.json

CONTEXT.json holds "inputs" (over the action's defaults), "github" (event_name, sha, event…) and
"workspace". Each `run` step gets its `env` with ${{ … }} expressions replaced by values looked up
in inputs, github and the outputs of earlier steps, and GitHub's files (GITHUB_OUTPUT, GITHUB_PATH)
and variables. A `uses` step is not run: it is printed with its inputs, for the test to check.
Prints the outputs of every step as JSON and exits with the code of the first failing step.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def lookup(path, context):
    value = context
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return ""
        value = value[part]
    return str(value)


def substitute(text, context):
    return EXPRESSION.sub(lambda m: lookup(m.group(1), context), str(text))


def read_pairs(path):
    with open(path) as f:
        return dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)


def main(action_dir, context_file):
    with open(os.path.join(action_dir, "action.yml")) as f:
        action = yaml.safe_load(f)
    given = json.load(open(context_file))
    inputs = {name: spec.get("default", "") for name, spec in action.get("inputs", {}).items()}
    inputs.update(given.get("inputs", {}))
    context = {"inputs": inputs, "github": given["github"], "steps": {}}
    temp = tempfile.mkdtemp(prefix="rekey-action-")
    paths = []
    for index, step in enumerate(action["runs"]["steps"]):
        if "uses" in step:
            with_ = {k: substitute(v, context) for k, v in step.get("with", {}).items()}
            print(f"run_action: not run: {step['uses']} with {json.dumps(with_)}", file=sys.stderr)
            continue
        output = os.path.join(temp, f"output-{index}")
        open(output, "w").close()
        env = dict(os.environ)
        env["PATH"] = os.pathsep.join(paths + [env["PATH"]])
        env.update(
            GITHUB_ACTION_PATH=action_dir,
            GITHUB_OUTPUT=output,
            GITHUB_PATH=os.path.join(temp, "path"),
            GITHUB_EVENT_NAME=given["github"]["event_name"],
            GITHUB_SHA=given["github"].get("sha", ""),
            GITHUB_WORKSPACE=given["workspace"],
            RUNNER_TEMP=temp,
        )
        env.update({k: substitute(v, context) for k, v in step.get("env", {}).items()})
        script = substitute(step["run"], context)
        code = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
            cwd=given["workspace"], env=env).returncode
        if os.path.exists(env["GITHUB_PATH"]):
            paths = [line.strip() for line in open(env["GITHUB_PATH"]) if line.strip()][::-1]
        if "id" in step:
            context["steps"][step["id"]] = {"outputs": read_pairs(output)}
        if code != 0:
            print(json.dumps(context["steps"]))
            print(f"run_action: step '{step.get('name', index)}' exited {code}", file=sys.stderr)
            return code
    print(json.dumps(context["steps"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
