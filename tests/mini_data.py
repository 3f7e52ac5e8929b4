"""A tiny, consistent data set in the CSV exchange format, for tests that break it on purpose."""

from __future__ import annotations

from pathlib import Path

MINI = {
    "programme.csv": (
        "code,name,city,start_date,end_date,central_budget,description\n"
        "P1,Testprogramma,Teststad,2008-01-01,2009-12-31,1000.00,Voorbeelddata voor tests\n"
    ),
    "wijk.csv": (
        "code,programme_code,name,city,district,kind,cbs_code,population,centroid_lon,centroid_lat\n"
        "W1,P1,Noordbuurt,Teststad,Noord,pilotwijk,BU00010001,1200,4.9,52.3\n"
        "W2,P1,Zuidbuurt,Teststad,Zuid,pilotwijk,,800,,\n"
    ),
    "partner.csv": "code,name,kind\nGEM,Gemeente Teststad,gemeente\nCORP,Woonstichting Test,corporatie\n",
    "contract.csv": (
        "code,wijk_code,kind,title,signed_date,start_date,end_date\n"
        "C1,W1,wijkcontract,Wijkcontract Noordbuurt,2008-01-02,2008-01-01,2009-12-31\n"
    ),
    "project.csv": (
        "code,contract_code,title,theme,lead_partner_code,start_date,end_date,description\n"
        "PR1,C1,Speeltuin,leefbaarheid,GEM,2008-02-01,2008-12-31,Een speeltuin\n"
        'PR2,C1,"Renovatie, fase 1",wonen,CORP,2008-03-01,2009-06-30,\n'
    ),
    "project_partner.csv": (
        "project_code,partner_code,amount\nPR1,GEM,12500.00\nPR1,CORP,2500.50\nPR2,CORP,400000.00\n"
    ),
    "status_update.csv": (
        "project_code,update_date,status,progress,text,oorzaak,gevolg,maatregel,author\n"
        "PR1,2008-02-15,op schema,10,Gestart,,,,Piet\n"
        "PR1,2008-03-15,aandacht,20,Vertraging levering,Leverancier te laat,Twee weken later,"
        "Andere leverancier,Piet\n"
        "PR2,2008-04-01,op schema,5,,,,,\n"
    ),
    "indicator.csv": (
        "code,name,theme,unit,direction,source,interval_months\nWERK,Werkloosheid,werken,%,lager,O+S,12\n"
    ),
    "target.csv": (
        "wijk_code,indicator_code,baseline_year,baseline_value,target_year,target_value\nW1,WERK,2007,12.0,2011,8.0\n"
    ),
    "measurement.csv": (
        "indicator_code,city,wijk_code,year,value\n"
        "WERK,Teststad,W1,2007,12.0\n"
        "WERK,Teststad,W1,2008,11.0\n"
        "WERK,Teststad,,2008,7.0\n"
    ),
}


def write_mini(folder: Path, **overrides: str | None) -> Path:
    """Write the mini data set; overrides replace a file's text (None leaves the file out)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {**MINI, **{k.replace("__", "."): v for k, v in overrides.items()}}
    for name, text in files.items():
        if text is not None:
            (folder / name).write_text(text, encoding="utf-8")
    return folder
