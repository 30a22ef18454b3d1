"""What a list of modules shows of each module, as plain values: safe to cache, unlike a page
(a pickled page drags its whole state along and goes stale with it)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ModuleSummary:
    """One module in a course's module list: its address, what it is about, how long it takes
    and the principles it teaches."""

    pk: int
    title: str
    url: str
    summary: str
    minutes: int
    principle_names: tuple[str, ...]

    @classmethod
    def of(cls, module, request=None) -> "ModuleSummary":
        """The summary of a module page whose principles are loaded (prefetch_related)."""
        return cls(
            pk=module.pk,
            title=module.title,
            url=module.get_url(request),
            summary=module.summary,
            minutes=module.minutes,
            principle_names=tuple(principle.name for principle in module.principles.all()),
        )
