"""English: the Model tab: the mechanisms and their equations, the fit, the checks and the sources."""

TEXT = {
    # checks in view (ui/checks.py) and the Model tab's sources
    "checks.heading": "Checks on the scenario on screen",
    "checks.caption": "Stock-flow balances of the model for this scenario: the largest residual over all months "
    "(cars or people). A balance passes under half a car.",
    "checks.orders": "Orders = deliveries + cancellations + order book",
    "checks.reservations": "Reservations = orders + refunds + pending",
    "checks.capacity": "Deliveries ≤ plant capacity (largest excess)",
    "checks.col.check": "Balance",
    "checks.col.line": "Line",
    "checks.col.residual": "Largest residual",
    "checks.col.ok": "Result",
    "checks.pass": "pass",
    # the Model tab (ui/model_doc.py): each mechanism's title, plain words and equation (LaTeX: used as written)
    "model.intro": "Monthly steps from {start}. Money in {currency} inside the model. Each line goes through "
    "the same mechanisms; each is built by its plant.",
    "model.intro.xiaomi": "Monthly steps from March 2024 (SU7 orders opened on 28 March 2024). Money in RMB inside "
    "the model. Each line goes through the same mechanisms; each is built by its own plant.",
    "model.intro.tesla_model3": "Monthly steps from March 2016 (Model 3 reservations opened on 31 March 2016). "
    "Money in USD inside the model. Reservations lock into orders when Tesla invites them, as its plants can build "
    "them soon; pending reservations give up as the quoted wait grows.",
    "model.interest.title": "1. Interest (Bass diffusion)",
    "model.interest.text": "From the month reservations open, interest spreads like a new product: some buyers come "
    "on their own (innovation p), more follow earlier buyers (imitation q). The market is scaled by the price "
    "against the rival: dearer than the rival, fewer buyers. Before launch the pre-sale price counts, from launch the "
    "price. The market itself grows by g a year while the line is on sale (Mahajan and Peterson's growing "
    "potential), so demand settles at the market's growth instead of dying out once the first buyers are served: a "
    "car keeps selling to new buyers as the market grows. No interest before reservations open or after the end of "
    "sale.",
    "model.interest.tex": r"F(\tau)=\frac{1-e^{-(p+q)\tau}}{1+\frac{q}{p}e^{-(p+q)\tau}},\quad "
    r"M(\tau)=M\left(\frac{P_\text{shown}}{P_\text{rival}}\right)^{-\varepsilon}(1+g)^{\tau/12},\quad "
    r"\text{interest}_t=M(\tau+1)F(\tau+1)-M(\tau)F(\tau)",
    "model.reservations.title": "2. Reservations",
    "model.reservations.text": "A deposit puts off casual buyers: the larger the deposit as a share of the price, "
    "the fewer reserve. A refundable deposit weighs less (w, the weight of a refundable deposit) than one the buyer "
    "can lose.",
    "model.reservations.tex": r"\text{reservations}_t=\text{interest}_t\,e^{-s\,x},\quad "
    r"x=w\,\frac{\text{deposit}}{P_\text{shown}}",
    "model.conversion.title": "3. Conversion to locked orders",
    "model.conversion.text": "Each month's reservations decide together, lock-lag months later and never before "
    "launch. A deposit also commits: more of them lock. If the price moved since they reserved, the share moves with "
    "it. The rest ask for a refund; their deposits are returned if refundable, otherwise kept.",
    "model.conversion.tex": r"c=1-(1-\text{conversion})\,e^{-s\,x},\quad "
    r"c'=\min\!\left(1,\;c\left(\frac{P}{P_\text{at reservation}}\right)^{-\varepsilon}\right)",
    "model.capacity.title": "4. Capacity",
    "model.capacity.text": "Each plant starts at its initial rate and climbs to its peak over the ramp-up months, "
    "along the shape its launch's plants table names: an even S-curve (Xiaomi's plants, Tesla's Shanghai and GA4) "
    "or a logistic learning curve for a line that opens at a trickle and grows by a steady factor a month as its "
    "bottlenecks are cleared, at 95 % of peak after the ramp-up months (Tesla's Fremont GA3). Each line is built "
    "by its own plant (Xiaomi's plant 1: the SU7 family; plant 2: the YU7). A plant may lend a share of its capacity "
    "to another plant's lines: from mid-2025 Xiaomi's plant 1 builds the YU7 orders plant 2 cannot, up to a fitted "
    "share of its capacity that grows over plant 2's ramp-up months, and keeps for the SU7 what the YU7 does not need; "
    "waits are quoted at the month's lending. A share of a plant's spare capacity may also build the other plant's "
    "lines (0 for Xiaomi).",
    "model.capacity.tex": r"\text{S-curve: }\text{initial}+(\text{peak}-\text{initial})\,"
    r"S\!\left(\tfrac{s}{\text{ramp}}\right),\ S(x)=3x^2-2x^3;\quad"
    r"\text{logistic: }\frac{\text{peak}}{1+A\,e^{-ks}},\ A=\tfrac{\text{peak}}{\text{initial}}-1,\ "
    r"k=\tfrac{\ln(19A)}{\text{ramp}}",
    "model.book.title": "5. The order book",
    "model.book.text": "Every month: new locked orders join the book, the wait is read off the book, cancellations "
    "leave, deliveries leave, and what remains carries over.",
    "model.book.tex": r"\text{backlog}_t=\text{backlog}_{t-1}+\text{orders}_t-\text{cancellations}_t"
    r"-\text{deliveries}_t",
    "model.wait.title": "6. Waiting time",
    "model.wait.text": "The wait a buyer is quoted: the months of its plant's capacity, from this month (or the "
    "line's first deliveries) on, needed to deliver that plant's books, plus the months until first deliveries, "
    "capped at 60 months. Capacity still to come counts even past the last month shown, so the horizon never changes "
    "a month.",
    "model.wait.tex": r"\text{wait}_t=\min\{w:\textstyle\sum_{k<w}\text{cap}_{t+k}\ge\text{book}_t\},\ "
    r"\text{fractional}",
    "model.cancellations.title": "7. Cancellations",
    "model.cancellations.text": "A small share of the book cancels every month; beyond the buyers' patience each "
    "extra month of wait adds more. A cancelled order forfeits its deposit.",
    "model.cancellations.tex": r"h=\min\left(1,\;\text{base}+\text{slope}\cdot\max(0,\text{wait}-\text{patience})"
    r"\right),\quad \text{cancellations}=h\cdot\text{book}",
    "model.deliveries.title": "8. Deliveries",
    "model.deliveries.text": "Within a plant, lines that have started delivering share its capacity in proportion to "
    "their books. A line is capacity-bound in a month when its plant could not build its whole book; otherwise "
    "demand limits it.",
    "model.deliveries.tex": r"\text{deliveries}_i=\text{book}_i\min\left(1,\frac{\text{cap}}{\sum_j\text{book}_j}"
    r"\right)",
    "model.money.title": "9. Money",
    "model.money.text": "Prices are list prices, what a buyer pays. Revenue is deliveries times the price net of "
    "the sales tax in it, as companies report it: China's list prices include 13 % VAT, US prices none. Unit cost "
    "falls with experience: each doubling of a line's output multiplies it by the learning rate. Deposits held are "
    "those of pending reservations and the book.",
    "model.money.tex": r"\text{revenue}=\text{deliveries}\,\frac{P}{1+\text{tax}},\quad"
    r"\text{unit cost}=\text{launch cost}\cdot\max\left(1,\tfrac{N}{10\,000}\right)"
    r"^{\log_2(\text{learning rate})},\quad \text{gross profit}=\text{deliveries}\left(\frac{P}{1+\text{tax}}"
    r"-\text{unit cost}\right)",
    "model.sales_tax": "This launch's list prices include {rate} sales tax, which revenue leaves out. Source: "
    "{source}.",
    "model.sales_tax.none": "This launch's prices are quoted without sales tax: revenue is deliveries times price.",
    "model.calibration": "**How the base scenario was set.** Dates, list prices and deposits are public facts; the "
    "plant ramps, market sizes, diffusion, conversion, costs, patience and cancellation rates were fitted by "
    "weighted least squares to every reported figure below, with no acceptance band in the fit (the bands are "
    "checked afterwards and can fail).",
    "model.calibration.tesla_model3": "**How the Model 3 base was set.** Dates, the price steps ($49,000 until "
    "October 2018, $45,000, $35,000 from February 2019), the $1,000 refundable deposit and the plants' starts are "
    "public facts. Fremont's ramp, the market, diffusion, conversion, the invitation lead, give-ups, patience and "
    "cancellation rates were fitted by the same weighted least squares as Xiaomi's to every reported figure below "
    "(reservations, quarterly production and deliveries), with no acceptance band in the fit. Fremont's GA3 line "
    "ramps along a logistic learning curve (about 50 cars in July 2017, then a steady growth factor a month). The "
    "model has no cars in transit, which is why Q2 2018 and Q1 2019 (the first ships to Europe and China) miss "
    "their bands. The Backtest tab repeats the fit on the figures known at a cutoff only.",
    "model.calibration.xiaomi": "**How the base scenario was set.** Dates, list prices, deposits, rival prices "
    "and which plant builds which line are public facts (the SU7 Ultra: RMB 814,900 "
    "in pre-sale, RMB 529,900 from its launch). The plant ramps, market sizes, "
    "diffusion, market growth, conversion, costs, learning rate, buyer patience and "
    "cancellation rates were fitted by weighted least squares to every reported "
    "figure below (at-least figures count when missed, estimates weigh half, the per-"
    "line months weigh most), with a seeded search that runs all candidates through "
    "the model at once. No acceptance band is in the fit: the bands are checked "
    "afterwards and can fail (table below). The second-generation SU7 has no figures "
    "yet and carries the first generation's market and conversion. From mid-2025 plant 1 "
    "also builds YU7s: it lends up to a fitted share of its capacity ({lend}), growing over "
    "plant 2's ramp-up months, to the YU7 orders plant 2 cannot build, and keeps what the YU7 does "
    "not need. That is how the SU7 could have 140,000-150,000 cars waiting for delivery in "
    "March 2025 ({open_book} in the model) and still fall to about 11,000 a month in late 2025. "
    "The Backtest tab repeats the fit on the figures known at a cutoff only.",
    "model.disagreement.xiaomi": "**Two accounts of deliveries to October 2024.** The October 2024 article says "
    "*75,000 delivered since the start of the year* with *more than 20,000 in "
    "October*. Xiaomi's official figures give **67,157 by 30 September** and more "
    "than 20,000 in October, i.e. **more than 87,157** by the end of October. The two"
    " disagree; both are plotted on the cumulative chart with their sources.",
    "model.fit.heading": "How well the base fits",
    "model.fit.bands": "**Acceptance bands**: {met} of {total} met.",
    "model.col.check": "Check",
    "model.col.model": "Model",
    "model.col.from": "From",
    "model.col.to": "To",
    "model.col.met": "Met",
    "model.col.error": "Error",
    "model.col.target": "Target (cars)",
    "model.sources": "Reported figures and sources",
    "model.bounds": "Bounds: exact = official; at least = 'more than'; estimate = third-party; derived = computed "
    "from official totals. Targets:",
}
