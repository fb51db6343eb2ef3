"""The model tab: each mechanism in plain words with its equation, and where the reported figures come from."""

from __future__ import annotations

import streamlit as st

from ui.context import PageContext

# (title, plain words, LaTeX) in the order the model applies them each month (SPEC.md "Model").
MECHANISMS = (
    (
        "1. Interest (Bass diffusion)",
        "From the month reservations open, interest spreads like a new product: some buyers come on their own "
        "(innovation p), more follow earlier buyers (imitation q). The market is scaled by the price against the "
        "rival: dearer than the rival, fewer buyers. Before launch the pre-sale price counts, from launch the price.",
        r"F(\tau)=\frac{1-e^{-(p+q)\tau}}{1+\frac{q}{p}e^{-(p+q)\tau}},\quad "
        r"\text{interest}_t=M\left(\frac{P_\text{shown}}{P_\text{rival}}\right)^{-\varepsilon}"
        r"\left[F(\tau+1)-F(\tau)\right]",
    ),
    (
        "2. Reservations",
        "A deposit puts off casual buyers: the larger the deposit as a share of the price, the fewer reserve.",
        r"\text{reservations}_t=\text{interest}_t\,e^{-s\,x},\quad x=\frac{\text{deposit}}{P_\text{shown}}",
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
        "Both plants serve all lines.",
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
        "The wait a buyer is quoted: the months of capacity, from this month on, needed to deliver the whole book "
        "(plus the months until first deliveries for a line not yet delivering), capped at 60 months.",
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
        "Lines that have started delivering share capacity in proportion to their books; never more than "
        "capacity in total.",
        r"\text{deliveries}_i=\text{book}_i\min\left(1,\frac{\text{cap}}{\sum_j\text{book}_j}\right)",
    ),
    (
        "9. Money",
        "Revenue is deliveries times price. Unit cost falls with experience: each doubling of a line's output "
        "multiplies it by the learning rate. Deposits held are those of pending reservations and the book.",
        r"\text{unit cost}=\text{unit\_cost}\cdot\max\left(1,\tfrac{N}{10\,000}\right)^{\log_2(\text{learning rate})},"
        r"\quad \text{gross profit}=\text{deliveries}\,(P-\text{unit cost})",
    ),
)

CALIBRATION = (
    "**How the base scenario was set.** Dates, list prices, deposits and rival prices are public facts. The plant "
    "ramps, market sizes, diffusion, conversion, costs and learning rate were fitted by weighted least squares to "
    "every reported figure below (at-least figures count only when missed, estimates weigh half) and to the "
    "calibration bands of the spec, with a seeded search that runs all candidates through the model at once "
    "(`python -m tools.calibrate`). The Backtest tab repeats the fit on the figures known at a cutoff only."
)

DISAGREEMENT = (
    "**Two accounts of deliveries to October 2024.** The October 2024 article says *75,000 delivered since the "
    "start of the year* with *more than 20,000 in October*. Xiaomi's official figures give **67,157 by 30 "
    "September** and more than 20,000 in October, i.e. **more than 87,157** by the end of October. The two "
    "disagree; both are plotted on the cumulative chart with their sources, and the base scenario is calibrated "
    "to land January-October 2024 between 75,000 and 92,000."
)


def render_model(context: PageContext) -> None:
    """Explain each mechanism with its equation, then list every reported figure with its source."""
    st.markdown(
        "Monthly steps from March 2024 (SU7 orders opened on 28 March 2024). Money in RMB inside the "
        "model. Each line (SU7, SU7 Ultra, YU7) goes through the same mechanisms; the plants are shared."
    )
    for title, words, equation in MECHANISMS:
        st.markdown(f"**{title}.** {words}")
        st.latex(equation)
    st.markdown(CALIBRATION)
    st.divider()
    st.subheader("Reported figures and sources")
    st.info(DISAGREEMENT)
    shown = context.reported.assign(month=lambda f: f["month"].astype(str))
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            "value": st.column_config.NumberColumn(format="localized"),
            "source": st.column_config.TextColumn(width="large"),
        },
    )
    st.caption(
        "Bounds: exact = official; at_least = 'more than'; estimate = third-party; derived = computed "
        "from official totals. Targets:"
    )
    st.dataframe(context.targets.assign(as_of=lambda f: f["as_of"].astype(str)), hide_index=True, width="stretch")
