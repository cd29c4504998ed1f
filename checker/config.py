"""Configuration from `claimcheck.toml` or `[tool.claimcheck]` in `pyproject.toml`, typed."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.findings.finding import Severity
from checker.normalize import NormalizeOptions

CONFIG_FILES = ("claimcheck.toml", "pyproject.toml")


class _Config(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class RuleConfig(_Config):
    enabled: bool = True
    severity: Severity | None = Field(None, description="Severity of the rule's conflicts; default: the rule's own.")
    options: dict[str, object] = Field(default_factory=dict, description="The rule's own options, if it has any.")


class NormalizeConfig(_Config):
    approximate_tolerance: Decimal = Field(Decimal("0.10"), alias="approximate-tolerance", ge=0, le=1)
    estimated_tolerance: Decimal = Field(Decimal("0.10"), alias="estimated-tolerance", ge=0, le=1)
    nearly_tolerance: Decimal = Field(Decimal("0.10"), alias="nearly-tolerance", ge=0, le=1)
    default_currency: str = Field("USD", alias="default-currency", pattern=r"^[A-Z]{3}$")

    def options(self) -> NormalizeOptions:
        return NormalizeOptions(
            approximate_tolerance=self.approximate_tolerance,
            estimated_tolerance=self.estimated_tolerance,
            nearly_tolerance=self.nearly_tolerance,
            default_currency=self.default_currency,
        )


class Config(_Config):
    fail_on: Literal["conflict", "unsupported", "never"] = Field("conflict", alias="fail-on")
    confirmed_errors: Literal["list", "fail"] = Field(
        "list", alias="confirmed-errors",
        description="A finding reviewed as confirmed-error: listed at the top of the report until the article is "
                    "corrected (list), or failing every check until then (fail).")
    normalize: NormalizeConfig = NormalizeConfig()
    rules: dict[str, RuleConfig] = Field(default_factory=dict, description="By rule code or name.")
    newsroom: str | None = Field(None, min_length=1, max_length=200,
                                 description="Who publishes the editors' decisions (ClaimReview author).")
    newsroom_url: str | None = Field(None, alias="newsroom-url", pattern=r"^https?://\S+$",
                                     description="The newsroom's home page.")
    review_url: str | None = Field(None, alias="review-url", pattern=r"^https?://\S+$",
                                   description="Where one review is published; {finding} stands for the finding id. "
                                               "Default: newsroom-url#FINDING-ID.")

    def rule(self, code: str, name: str) -> RuleConfig:
        return self.rules.get(code) or self.rules.get(name) or RuleConfig()


class ConfigError(ValueError):
    pass


def load_config(directory: Path) -> tuple[Config, str | None]:
    """The configuration found in directory, and the file it came from (None: defaults)."""
    for name in CONFIG_FILES:
        path = directory / name
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
            raise ConfigError(f"{path}: cannot read configuration: {error}") from None
        section = data if name == "claimcheck.toml" else data.get("tool", {}).get("claimcheck")
        if section is None:
            continue
        try:
            return Config.model_validate(section), str(path)
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            where = ".".join(str(part) for part in first["loc"])
            raise ConfigError(f"{path}: [tool.claimcheck] {where}: {first['msg']}") from None
    return Config(), None
