#!/usr/bin/env bash
# The history fixture, scanned with --all-objects (see args): its unreachable commit and blob are
# found too.
# usage: build.sh DIR
exec bash "$(dirname "$0")/../history/build.sh" "$1"
