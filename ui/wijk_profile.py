"""The tables of the Wijkprofiel page: one wijk's projects, partners and targets, as the text on screen."""

from __future__ import annotations

import pandas as pd

from domain.overview import latest_city_average

from . import format as fmt
from .style import project_status_display
from .target_charts import target_status_display


def project_table(projects: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Status": projects["status"].map(project_status_display),
            "Project": projects["title"],
            "Thema": projects["theme"],
            "Trekker": projects["lead_partner_name"],
            "Voortgang": projects["progress"].map(lambda p: fmt.percent(p / 100, 0) if pd.notna(p) else fmt.MISSING),
            "Start": projects["start_date"].map(fmt.date_short),
            "Einde": projects["end_date"].map(fmt.date_short),
            "Budget": projects["budget"].map(fmt.euro),
            "Laatste update": projects["last_update"].map(fmt.date_short),
            "Signalen": [
                ", ".join(s for s, on in (("verouderd", stale), ("over tijd", overdue)) if on) or fmt.MISSING
                for stale, overdue in zip(projects["stale"], projects["overdue"], strict=True)
            ],
        }
    )


def partner_table(partners: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Partner": partners["partner_name"],
            "Soort": partners["partner_kind"],
            "Projecten": partners["projecten"].map(fmt.number),
            "Trekker van": partners["trekker"].map(fmt.number),
            "Bijdrage": partners["bijdrage"].map(fmt.euro),
        }
    )


def target_table(targets: pd.DataFrame, measurements: pd.DataFrame, reference_year: int) -> pd.DataFrame:
    rows = []
    for t in targets.sort_values(["theme", "indicator_name"]).itertuples():
        city = latest_city_average(measurements, t.indicator_code, t.latest_year or reference_year)
        rows.append(
            {
                "Thema": t.theme,
                "Indicator": t.indicator_name,
                "Beter is": t.direction,
                "Nulmeting": f"{fmt.value_with_unit(t.baseline_value, t.unit)} ({t.baseline_year})",
                "Doel": f"{fmt.value_with_unit(t.target_value, t.unit)} ({t.target_year})",
                "Laatste meting": (
                    f"{fmt.value_with_unit(t.latest_value, t.unit)} ({t.latest_year})" if t.latest_year else "–"
                ),
                "Stadsgemiddelde": f"{fmt.value_with_unit(city[1], t.unit)} ({city[0]})" if city else "–",
                "Status": target_status_display(t.status),
            }
        )
    return pd.DataFrame(rows)
