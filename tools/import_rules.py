"""An import-linter contract that bans imports by default and allows them by name.

import-linter's own ``forbidden`` contract checks a list of source modules; a module nobody
added to the list is never checked. This contract turns that round: every module of
``source_modules`` (as packages, so a new module is covered the day it is written) must not
import ``forbidden_modules``, directly or through other modules, except the modules named in
``exempt_modules`` (also as packages). A Qt-free module that imports an exempt Qt module is
therefore still caught: the chain through it reaches Qt.

pyproject.toml registers it under ``[tool.importlinter] contract_types``.
"""

from __future__ import annotations

from grimp import ImportGraph
from importlinter.contracts.forbidden import ForbiddenContract
from importlinter.domain import fields
from importlinter.domain.contract import ContractCheck
from importlinter.domain.helpers import module_expressions_to_modules
from importlinter.domain.imports import ModuleExpression


class ForbiddenExceptContract(ForbiddenContract):
    """Like ``forbidden``, over whole packages, minus the modules named as exempt."""

    type_name = "forbidden_except"

    exempt_modules = fields.ListField(subfield=fields.ModuleExpressionField())

    def validate(self) -> None:
        super().validate()
        self._packages: set[ModuleExpression] = self.source_modules  # type: ignore[assignment]

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        exempt_expressions: list[ModuleExpression] = self.exempt_modules  # type: ignore[assignment]
        named = module_expressions_to_modules(graph, exempt_expressions, raise_if_unmatched=True)
        exempt = {module.name for module in named}
        for module in named:
            exempt |= graph.find_descendants(module.name)
        checked: set[str] = set()
        for package in module_expressions_to_modules(
            graph, self._packages, raise_if_unmatched=True
        ):
            checked |= {package.name} | graph.find_descendants(package.name)
        # Each module on its own: an exempt module inside a checked package is not checked
        # by way of its parent package.
        self.source_modules = {  # type: ignore[assignment]
            ModuleExpression(name) for name in sorted(checked - exempt)
        }
        self.as_packages = False  # type: ignore[assignment]
        return super().check(graph, verbose)
