"""Find the organisation an offering line names: by business ID, else by its exact name.

All organisations are read once into dictionaries, so resolving 50,000 lines costs one query.
Names are matched exactly (after trimming) in any language: Finnish, Swedish or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from jatkumo.catalogue.validation import CleanOffering
from jatkumo.organisations.models import Organisation


@dataclass
class ProviderDirectory:
    by_business_id: dict[str, tuple[int, str]]
    by_name: dict[str, list[tuple[int, str]]]
    business_ids: dict[int, str]
    create: bool = False
    planned: dict[str, tuple[str, str]] = field(default_factory=dict)
    planned_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, *, create: bool = False) -> ProviderDirectory:
        directory = cls(by_business_id={}, by_name={}, business_ids={}, create=create)
        rows = Organisation.objects.values_list(
            "pk", "business_id", "name_fi", "name_sv", "name_en"
        )
        for pk, business_id, *names in rows:
            label = names[0] or next((name for name in names if name), str(pk))
            if business_id:
                directory.by_business_id[business_id] = (pk, label)
                directory.business_ids[pk] = business_id
            for name in {name.strip() for name in names if name}:
                directory.by_name.setdefault(name, []).append((pk, label))
        return directory

    def resolve(self, clean: CleanOffering) -> tuple[str, str, str]:
        """(provider key, label, problem): the key is `org:<pk>` or `new:<key>`."""
        business_id = clean.business_id_normalised if clean.provider_business_id else ""
        name = clean.provider_name.strip()
        if business_id and business_id in self.by_business_id:
            pk, label = self.by_business_id[business_id]
            return f"org:{pk}", label, ""
        matches = self.by_name.get(name, [])
        if len(matches) > 1:
            return (
                "",
                name,
                _("Several organisations are called %(name)s: give the business ID.")
                % {"name": name},
            )
        if matches:
            pk, label = matches[0]
            known = self.business_ids.get(pk)
            if business_id and known and known != business_id:
                message = _("%(name)s has the business ID %(known)s, not %(given)s.") % {
                    "name": name,
                    "known": known,
                    "given": business_id,
                }
                return "", name, message
            return f"org:{pk}", label, ""
        if not self.create:
            message = _(
                "Unknown provider %(name)s: add the organisation first, or allow new providers "
                "(--create-providers)."
            ) % {"name": name}
            return "", name, message
        key = self.planned_names.get(name) or f"new:{business_id or name}"
        self.planned.setdefault(key, (name, business_id))
        self.planned_names.setdefault(name, key)
        return key, name, ""
