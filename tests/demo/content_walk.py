"""Walks the demo content's block data the way the community book reads it."""


def community_strings(value):
    """Every string a community reader sees in a block value (workplace-only ones left out)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from community_strings(item)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item.get("type") == "workplace_only":
                continue
            yield from community_strings(item)
