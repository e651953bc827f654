#!/usr/bin/env bash
# HTML-report fixture: a repository whose paths, author names and emails, branch and tag names,
# commit messages and the lines around its secrets are HTML and script. The HTML report must show
# all of it as text: the browser test (HtmlReportBrowserIT) checks that nothing runs, no dialog
# opens and nothing is requested. Git keeps '<' and '>' out of author names, so those carry quote
# and attribute payloads; a hand-made JSON report (cli/src/test/resources/report/hostile.json)
# puts '<script>' in every field. The secrets are those of ../history (valid for no account).
# Its last commit on main deletes the token's file, so the report shows when a secret left the tip.
# usage: build.sh DIR
source "$(dirname "$0")/../lib.sh"
fixture_init "$1"

write README.md <<'TXT'
# <script>alert("readme")</script>
TXT
at 0
commit_all "Initial commit"

# A path that is a script tag, written by an author whose name breaks out of an attribute.
write 'src/<script>alert("path")</script>.js' <<'TXT'
const key = "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"; // <img src=x onerror=alert('snippet')>
TXT
at 1 'Mallory " onmouseover="alert(1)" data-x="' 'mallory"onfocus=alert(2)@fixture.test'
commit_all "Add the <b>billing</b> client"

# A path that closes an attribute and opens an image with an error handler.
write 'config/"><img src=x onerror=alert(3)>.env' <<'TXT'
GITHUB_TOKEN=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
TXT
at 2 "Eve' onclick='alert(4)" "eve'@fixture.test"
commit_all 'Config </title><script>alert(5)</script>'

# In a commit message only, with markup around it.
echo "More." >>README.md
at 3
commit_all "Docs </textarea><svg onload=alert(6)>

TOKEN=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 <iframe src=javascript:alert(7)>"

# On a branch and a tag whose names are markup.
git checkout -q -b 'feature/"><svg/onload=alert(8)>'
write "payments/it's & <i>keys</i>.py" <<'TXT'
OPENAI_API_KEY = "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"  # ${alert(9)} {{constructor.constructor('alert(10)')()}}
TXT
at 4
commit_all "Payments"
git tag -a 'v1<script>alert(11)</script>' -m "Release <script>alert(12)</script>"
git checkout -q main

# The token's file removed from main: the report says when the secret left the tip.
git rm -q 'config/"><img src=x onerror=alert(3)>.env'
at 5 "Eve' onclick='alert(4)" "eve'@fixture.test"
git commit -q -m 'Remove the config <script>alert(13)</script>'
