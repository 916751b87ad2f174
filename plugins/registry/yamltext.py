"""YAML as editors write it: dates kept as text, unquoted colons in titles accepted.

Film titles carry colons ('Mission: Impossible – Fallout'); rather than reject
`film: Mission: Impossible – Fallout`, such a line is quoted and parsed again.
"""

import re

import yaml


class YamlProblem(ValueError):
    """Where (1-based line of the text) and what, in words an editor can act on."""

    def __init__(self, line, message):
        super().__init__(message)
        self.line = line
        self.message = message


class Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so a bad date is ours to explain."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FastLoader(getattr(yaml, "CSafeLoader", Loader)):
    """libyaml's parser (ten times faster) with the same resolvers; text it rejects goes
    through Loader again, so every problem is explained the same way."""


_FastLoader.yaml_implicit_resolvers = Loader.yaml_implicit_resolvers

# `key: value` or `- key: value`, where the value is plain (unquoted, not a list or map).
_PLAIN_VALUE = re.compile(r"^(\s*(?:-\s+)?[A-Za-z][A-Za-z0-9_-]*:[ ]+)([^'\"\[{|>&*!#\s].*)$")


def _quoted(lines, number):
    """The lines with line `number`'s value quoted, or None when that is not the fix."""
    match = _PLAIN_VALUE.match(lines[number])
    if not match or ": " not in match.group(2):
        return None
    value = match.group(2).rstrip().replace("\\", "\\\\").replace('"', '\\"')
    return [*lines[:number], f'{match.group(1)}"{value}"', *lines[number + 1:]]


def compose(text):
    """The YAML node tree of `text`, or a YamlProblem naming the line to fix."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if "\t" in line[: len(line) - len(line.lstrip())]:
            raise YamlProblem(number + 1, "a tab is used for indentation; indent with spaces")
    try:
        return yaml.compose(text, Loader=_FastLoader)
    except yaml.YAMLError:
        pass
    for _ in range(len(lines) + 1):
        try:
            return yaml.compose("\n".join(lines), Loader=Loader)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            problem = getattr(err, "problem", None) or str(err)
            fixed = _quoted(lines, mark.line) if mark and "mapping values" in problem else None
            if fixed is None:
                hint = ("put the value in double quotes" if "mapping values" in problem
                        else "check the indentation and quoting of this line")
                raise YamlProblem(mark.line + 1 if mark else 1, f"not valid YAML ({problem}); {hint}") from None
            lines = fixed
    raise YamlProblem(1, "not valid YAML")


def construct(node):
    """Plain Python data of a composed node (a YamlProblem for values YAML cannot build, like '=')."""
    try:
        return Loader("").construct_object(node, deep=True)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or node.start_mark
        problem = getattr(err, "problem", None) or str(err)
        raise YamlProblem(mark.line + 1, f"not valid YAML ({problem}); put the value in double quotes") from None
