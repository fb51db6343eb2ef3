"""The model tab: each mechanism in plain words with its equation, and where the reported figures come from.

Every word, and the equations' words, are in the catalogues (``model.*``); the figures' metrics, lines, bounds and
targets are named in the page language. The sources are quoted as published, and the acceptance bands' checks as
the calibration wrote them (``tools.calibrate``).
"""

from __future__ import annotations

from importlib import resources

import pandas as pd
import streamlit as st

from ui import checks, display, i18n, launch
from ui.charts import figure_name, target_label
from ui.context import PageContext

# The mechanisms in the order the model applies them each month (docs/model.md); each has a title, plain words and
# an equation in the catalogues: model.<name>.title, model.<name>.text and model.<name>.tex (LaTeX, used as written).
MECHANISMS = (
    "interest",
    "reservations",
    "conversion",
    "capacity",
    "book",
    "wait",
    "cancellations",
    "deliveries",
    "money",
)


@st.cache_resource(max_entries=4, show_spinner=False)
def _fit_tables(key: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Launch ``key``'s fit report and acceptance bands as written by ``python -m tools.calibrate`` (read once)."""
    data = resources.files("sim") / "launches" / key
    with (data / "fit_report.csv").open() as report, (data / "acceptance.csv").open() as bands:
        return pd.read_csv(report), pd.read_csv(bands)


def render_fit_report() -> None:
    """The calibration's report: every figure with the model's value and the error, and the acceptance bands."""
    report, bands = _fit_tables(launch.key())
    st.subheader(i18n.t("model.fit.heading"))
    st.markdown(i18n.t("model.fit.bands", met=int(bands["ok"].sum()), total=len(bands)))
    model, low, high = i18n.t("model.col.model"), i18n.t("model.col.from"), i18n.t("model.col.to")
    st.dataframe(
        bands.rename(
            columns={
                "check": i18n.t("model.col.check"),
                "model": model,
                "low": low,
                "high": high,
                "ok": i18n.t("model.col.met"),
            }
        ),
        hide_index=True,
        width="stretch",
        column_config={c: st.column_config.NumberColumn(format="localized") for c in (model, low, high)},
    )
    reported, error = i18n.t("sources.figure"), i18n.t("model.col.error")
    shown = pd.DataFrame(
        {
            i18n.t("col.month"): report["month"].astype(str).map(display.month),
            i18n.t("chart.tip.figure"): report["metric"].map(figure_name),
            i18n.t("col.line"): report["line"].map(launch.figure_line),
            reported: report["value"],
            i18n.t("sources.bound"): report["bound"].map(lambda b: i18n.t(f"bound.{b}")),
            model: report["model"],
            error: report["error"],
        }
    )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            reported: st.column_config.NumberColumn(format="localized"),
            model: st.column_config.NumberColumn(format="localized"),
            error: st.column_config.NumberColumn(format="percent"),
        },
    )


def render_checks(context: PageContext) -> None:
    """The stock-flow balances of the scenario on screen, each with its largest residual and a pass mark."""
    st.subheader(i18n.t("checks.heading"))
    st.dataframe(checks.balances_table(checks.balances(context.run)), hide_index=True, width="stretch")
    st.caption(i18n.t("checks.caption"))


def _of_launch(key: str, **values: object) -> str:
    """The launch's own text of ``key`` ('<key>.<launch>' in the catalogues), else the general one."""
    own = f"{key}.{launch.key()}"
    return i18n.t(own, **values) if i18n.has(own) else i18n.t(key, **values)


def calibration_figures(key: str) -> dict[str, str]:
    """The fitted figures the launch's calibration text quotes, as the page shows them: the lending plant's share
    (``lend``) and the model's open order book against the reported one (``open_book``), where the launch has them."""
    figures = {}
    lending = launch.package().tables.lending
    if lending is not None:
        figures["lend"] = display.percent(launch.base()[f"{lending[0]}.lend"], 0)
    report = _fit_tables(key)[0]
    book = report.loc[report["metric"] == "open_orders", "model"]
    if len(book):
        figures["open_book"] = display.count(round(float(book.iloc[0]), -3))
    return figures


def render_sales_tax() -> None:
    """The sales tax in this launch's list prices, with its source (none: prices are quoted without it)."""
    tables = launch.package().tables
    if tables.sales_tax > 0:
        st.caption(i18n.t("model.sales_tax", rate=display.percent(tables.sales_tax, 0), source=tables.sales_tax_source))
    else:
        st.caption(i18n.t("model.sales_tax.none"))


def render_model_tab(context: PageContext) -> None:
    """Explain each mechanism with its equation, then list every reported figure with its source."""
    first = launch.package().tables.first_month
    st.markdown(_of_launch("model.intro", start=display.month(first, long=True), currency=launch.currency()))
    for name in MECHANISMS:
        st.markdown(f"**{i18n.t(f'model.{name}.title')}.** {i18n.t(f'model.{name}.text')}")
        st.latex(i18n.t(f"model.{name}{i18n.RAW_SUFFIX}"))
    render_sales_tax()
    st.markdown(_of_launch("model.calibration", **calibration_figures(launch.key())))
    render_checks(context)
    render_fit_report()
    st.divider()
    st.subheader(i18n.t("model.sources"))
    for key, show in (("sources.seed", st.markdown), ("model.disagreement", st.info)):
        if i18n.has(f"{key}.{launch.key()}"):  # the seed article and its disagreement are Xiaomi's
            show(i18n.t(f"{key}.{launch.key()}"))
    reported, source = context.reported, i18n.t("chart.tip.source")
    shown = pd.DataFrame(
        {
            i18n.t("col.month"): reported["month"].astype(str).map(display.month),
            i18n.t("col.line"): reported["line"].map(launch.figure_line),
            i18n.t("chart.tip.figure"): reported["metric"].map(figure_name),
            i18n.t("sources.figure"): reported["value"].map(display.count),
            i18n.t("sources.bound"): reported["bound"].map(lambda b: i18n.t(f"bound.{b}")),
            source: reported["source"],
        }
    )
    st.dataframe(
        shown, hide_index=True, width="stretch", column_config={source: st.column_config.TextColumn(width="large")}
    )
    st.caption(i18n.t("model.bounds"))
    targets = context.targets
    st.dataframe(
        pd.DataFrame(
            {
                i18n.t("chart.tip.year"): targets["year"],
                i18n.t("model.col.target"): targets["value"].map(display.count),
                i18n.t("chart.tip.set_by"): targets["kind"].map(target_label),
                i18n.t("chart.tip.as_of"): targets["as_of"].astype(str).map(display.month),
                source: targets["source"],
            }
        ),
        hide_index=True,
        width="stretch",
    )
