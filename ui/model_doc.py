"""The model tab: each mechanism in plain words with its equation, and where the reported figures come from."""

from __future__ import annotations

from importlib import resources

import pandas as pd
import streamlit as st

from ui import checks, display, i18n, launch
from ui.context import PageContext

# (title, plain words, LaTeX) in the order the model applies them each month (docs/model.md).
MECHANISMS = (
    (
        "1. Interest (Bass diffusion)",
        "From the month reservations open, interest spreads like a new product: some buyers come on their own "
        "(innovation p), more follow earlier buyers (imitation q). The market is scaled by the price against the "
        "rival: dearer than the rival, fewer buyers. Before launch the pre-sale price counts, from launch the price. "
        "The market itself grows by g a year while the line is on sale (Mahajan and Peterson's growing potential), so "
        "demand settles at the market's growth instead of dying out once the first buyers are served: a car keeps "
        "selling to new buyers as the market grows. No interest before reservations open or after the end of sale.",
        r"F(\tau)=\frac{1-e^{-(p+q)\tau}}{1+\frac{q}{p}e^{-(p+q)\tau}},\quad "
        r"M(\tau)=M\left(\frac{P_\text{shown}}{P_\text{rival}}\right)^{-\varepsilon}(1+g)^{\tau/12},\quad "
        r"\text{interest}_t=M(\tau+1)F(\tau+1)-M(\tau)F(\tau)",
    ),
    (
        "2. Reservations",
        "A deposit puts off casual buyers: the larger the deposit as a share of the price, the fewer reserve. A "
        "refundable deposit weighs less (w, the weight of a refundable deposit) than one the buyer can lose.",
        r"\text{reservations}_t=\text{interest}_t\,e^{-s\,x},\quad x=w\,\frac{\text{deposit}}{P_\text{shown}}",
    ),
    (
        "3. Conversion to locked orders",
        "Each month's reservations decide together, lock-lag months later and never before launch. A deposit "
        "also commits: more of them lock. If the price moved since they reserved, the share moves with it. "
        "The rest ask for a refund; their deposits are returned if refundable, otherwise kept.",
        r"c=1-(1-\text{conversion})\,e^{-s\,x},\quad "
        r"c'=\min\!\left(1,\;c\left(\frac{P}{P_\text{at reservation}}\right)^{-\varepsilon}\right)",
    ),
    (
        "4. Capacity",
        "Each plant starts at its initial rate and climbs along an S-curve to its peak over the ramp-up months. "
        "Each line is built by its own plant (plant 1: the SU7 family; plant 2: the YU7); a share of a plant's "
        "spare capacity may build the other plant's lines (0 by default: dedicated plants).",
        r"\text{cap}(s)=\text{initial}+(\text{peak}-\text{initial})\,S\!\left(\tfrac{s}{\text{ramp}}\right),\quad "
        r"S(x)=3x^2-2x^3",
    ),
    (
        "5. The order book",
        "Every month: new locked orders join the book, the wait is read off the book, cancellations leave, "
        "deliveries leave, and what remains carries over.",
        r"\text{backlog}_t=\text{backlog}_{t-1}+\text{orders}_t-\text{cancellations}_t-\text{deliveries}_t",
    ),
    (
        "6. Waiting time",
        "The wait a buyer is quoted: the months of its plant's capacity, from this month (or the line's first "
        "deliveries) on, needed to deliver that plant's books, plus the months until first deliveries, capped at 60 "
        "months. Capacity still to come counts even past the last month shown, so the horizon never changes a month.",
        r"\text{wait}_t=\min\{w:\textstyle\sum_{k<w}\text{cap}_{t+k}\ge\text{book}_t\},\ \text{fractional}",
    ),
    (
        "7. Cancellations",
        "A small share of the book cancels every month; beyond the buyers' patience each extra month of wait adds "
        "more. A cancelled order forfeits its deposit.",
        r"h=\min\left(1,\;\text{base}+\text{slope}\cdot\max(0,\text{wait}-\text{patience})\right),\quad "
        r"\text{cancellations}=h\cdot\text{book}",
    ),
    (
        "8. Deliveries",
        "Within a plant, lines that have started delivering share its capacity in proportion to their books. A line "
        "is capacity-bound in a month when its plant could not build its whole book; otherwise demand limits it.",
        r"\text{deliveries}_i=\text{book}_i\min\left(1,\frac{\text{cap}}{\sum_j\text{book}_j}\right)",
    ),
    (
        "9. Money",
        "Revenue is deliveries times price. Unit cost falls with experience: each doubling of a line's output "
        "multiplies it by the learning rate. Deposits held are those of pending reservations and the book.",
        r"\text{unit cost}=\text{launch cost}\cdot\max\left(1,\tfrac{N}{10\,000}\right)^{\log_2(\text{learning rate})},"
        r"\quad \text{gross profit}=\text{deliveries}\,(P-\text{unit cost})",
    ),
)

FIGURES = {  # the reported figures' metrics in words (sim/launches/xiaomi/reported.csv)
    "deliveries": "deliveries in the month",
    "cum_deliveries": "deliveries to date",
    "deliveries_year": "deliveries in the year",
    "deliveries_quarter": "deliveries in the quarter",
    "reservations": "reservations",
    "cum_orders": "locked orders to date",
    "orders": "locked orders",
}

CALIBRATION = (
    "**How the base scenario was set.** Dates, list prices, deposits, rival prices and which plant builds which line "
    "are public facts (the SU7 Ultra: RMB 814,900 in pre-sale, RMB 529,900 from its launch). The plant ramps, market "
    "sizes, diffusion, market growth, conversion, costs, learning rate, buyer patience and cancellation rates were "
    "fitted by weighted least squares to every reported figure below (at-least figures count when missed, estimates "
    "weigh half, the per-line months weigh most), with a seeded search that runs all candidates through the model at "
    "once. No acceptance band is in the fit: the bands are checked afterwards and can fail (table below). The "
    "second-generation SU7 has no figures yet and carries the first generation's market and conversion. The "
    "Backtest tab repeats the fit on the figures known at a cutoff only."
)

DISAGREEMENT = (
    "**Two accounts of deliveries to October 2024.** The October 2024 article says *75,000 delivered since the "
    "start of the year* with *more than 20,000 in October*. Xiaomi's official figures give **67,157 by 30 "
    "September** and more than 20,000 in October, i.e. **more than 87,157** by the end of October. The two "
    "disagree; both are plotted on the cumulative chart with their sources."
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
    st.subheader("How well the base fits")
    st.markdown(f"**Acceptance bands**: {int(bands['ok'].sum())} of {len(bands)} met.")
    st.dataframe(
        bands.rename(columns={"check": "Check", "model": "Model", "low": "From", "high": "To", "ok": "Met"}),
        hide_index=True,
        width="stretch",
        column_config={c: st.column_config.NumberColumn(format="localized") for c in ("Model", "From", "To")},
    )
    shown = report[["month", "metric", "line", "value", "bound", "model", "error"]].rename(
        columns={
            "month": "Month",
            "metric": "Figure",
            "line": "Line",
            "value": "Reported",
            "bound": "Bound",
            "model": "Model",
            "error": "Error",
        }  # fmt: skip
    )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            "Reported": st.column_config.NumberColumn(format="localized"),
            "Model": st.column_config.NumberColumn(format="localized"),
            "Error": st.column_config.NumberColumn(format="percent"),
        },
    )


def render_checks(context: PageContext) -> None:
    """The stock-flow balances of the scenario on screen, each with its largest residual and a pass mark."""
    st.subheader(i18n.t("checks.heading"))
    st.dataframe(checks.balances_table(checks.balances(context.run)), hide_index=True, width="stretch")
    st.caption(i18n.t("checks.caption"))


def render_model_tab(context: PageContext) -> None:
    """Explain each mechanism with its equation, then list every reported figure with its source."""
    st.markdown(
        "Monthly steps from March 2024 (SU7 orders opened on 28 March 2024). Money in RMB inside the "
        "model. Each line goes through the same mechanisms; each is built by its own plant."
    )
    for title, words, equation in MECHANISMS:
        st.markdown(f"**{title}.** {words}")
        st.latex(equation)
    st.markdown(CALIBRATION)
    render_checks(context)
    render_fit_report()
    st.divider()
    st.subheader("Reported figures and sources")
    st.markdown(i18n.t("sources.seed"))
    st.info(DISAGREEMENT)
    reported = context.reported
    shown = pd.DataFrame(
        {
            "Month": reported["month"].astype(str),
            "Line": reported["line"].map(lambda k: launch.line_labels().get(k, "All lines")),
            "Figure": reported["metric"].map(lambda m: FIGURES.get(m, m.replace("_", " "))),
            "Reported": reported["value"].map(display.count),
            "Bound": reported["bound"].map(lambda b: i18n.t(f"bound.{b}")),
            "Source": reported["source"],
        }
    )
    st.dataframe(
        shown, hide_index=True, width="stretch", column_config={"Source": st.column_config.TextColumn(width="large")}
    )
    st.caption(
        "Bounds: exact = official; at least = 'more than'; estimate = third-party; derived = computed "
        "from official totals. Targets:"
    )
    targets = context.targets
    st.dataframe(
        pd.DataFrame(
            {
                "Year": targets["year"],
                "Target (cars)": targets["value"].map(display.count),
                "Set by": targets["kind"],
                "As of": targets["as_of"].astype(str).map(display.month),
                "Source": targets["source"],
            }
        ),
        hide_index=True,
        width="stretch",
    )
