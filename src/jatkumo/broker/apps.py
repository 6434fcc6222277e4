from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _import_needs(options: dict[str, Any]) -> str:
    # Imported on use: the importer pulls in matching, which is heavy to load at start-up.
    from jatkumo.broker.importers import needs_import

    result = needs_import(
        path=options["file"], dry_run=options["dry_run"], submit=options["submit"]
    )
    return str(result)


class BrokerConfig(AppConfig):
    name = "jatkumo.broker"
    verbose_name = _("Broker")

    def ready(self) -> None:
        # `jatkumo import needs FILE.jsonl [--dry-run] [--submit]` (the command is the catalogue's).
        from jatkumo.catalogue.import_kinds import ImportFlag, ImportKind, import_kind_register

        flag = ImportFlag("--submit", "needs: route the cases to providers (who are notified)")
        import_kind_register(ImportKind("needs", _import_needs, (flag,)))
