"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 01:59:53.654705
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=254), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_key", sa.String(length=300), nullable=False),
        sa.Column("old_values", sa.Text(), nullable=True),
        sa.Column("new_values", sa.Text(), nullable=True),
        sa.CheckConstraint("action IN ('insert', 'update', 'delete', 'import')", name=op.f("ck_audit_log_action")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    data_version = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
    )
    # The single row that every write bumps (see data_access.versioning).
    op.bulk_insert(data_version, [{"id": 1, "version": 0, "changed_at": None}])
    op.create_table(
        "indicator",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("theme", sa.String(length=60), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("interval_months", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint("direction IN ('hoger', 'lager')", name=op.f("ck_indicator_direction")),
        sa.CheckConstraint("interval_months > 0", name=op.f("ck_indicator_interval")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_indicator")),
    )
    op.create_table(
        "partner",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "kind IN ('gemeente', 'stadsdeel', 'corporatie', 'politie', 'welzijn', 'onderwijs', 'zorg', 'rijk', 'bedrijf', 'bewoners', 'kennisinstelling')",
            name=op.f("ck_partner_kind"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_partner")),
        sa.UniqueConstraint("name", name=op.f("uq_partner_name")),
    )
    op.create_table(
        "programme",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("central_budget", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint("central_budget >= 0", name=op.f("ck_programme_budget")),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_programme_period")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_programme")),
    )
    op.create_table(
        "app_user",
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("partner_code", sa.String(length=40), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "role <> 'partner-redacteur' OR partner_code IS NOT NULL", name=op.f("ck_app_user_partner_role")
        ),
        sa.CheckConstraint(
            "role IN ('kijker', 'redacteur', 'partner-redacteur', 'beheerder')", name=op.f("ck_app_user_role")
        ),
        sa.ForeignKeyConstraint(["partner_code"], ["partner.code"], name=op.f("fk_app_user_partner_code_partner")),
        sa.PrimaryKeyConstraint("email", name=op.f("pk_app_user")),
    )
    op.create_table(
        "charter_agreement",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("programme_code", sa.String(length=40), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(length=60), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("party", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint("party IN ('gemeente', 'rijk', 'beide')", name=op.f("ck_charter_agreement_party")),
        sa.CheckConstraint(
            "status IN ('niet gestart', 'in uitvoering', 'vertraagd', 'afgerond')",
            name=op.f("ck_charter_agreement_status"),
        ),
        sa.CheckConstraint("number > 0", name=op.f("ck_charter_agreement_number")),
        sa.ForeignKeyConstraint(
            ["programme_code"], ["programme.code"], name=op.f("fk_charter_agreement_programme_code_programme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_charter_agreement")),
        sa.UniqueConstraint("programme_code", "number", name="uq_charter_agreement_key"),
    )
    op.create_table(
        "scenario",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("programme_code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("author", sa.String(length=254), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_code"], ["programme.code"], name=op.f("fk_scenario_programme_code_programme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario")),
        sa.UniqueConstraint("programme_code", "name", name="uq_scenario_key"),
    )
    op.create_table(
        "wijk",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("programme_code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("district", sa.String(length=100), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("cbs_code", sa.String(length=60), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("centroid_lon", sa.Double(), nullable=True),
        sa.Column("centroid_lat", sa.Double(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint("kind IN ('pilotwijk', 'aandachtswijk')", name=op.f("ck_wijk_kind")),
        sa.CheckConstraint("centroid_lat IS NULL OR (centroid_lat BETWEEN -90 AND 90)", name=op.f("ck_wijk_lat")),
        sa.CheckConstraint("centroid_lon IS NULL OR (centroid_lon BETWEEN -180 AND 180)", name=op.f("ck_wijk_lon")),
        sa.CheckConstraint("population IS NULL OR population >= 0", name=op.f("ck_wijk_population")),
        sa.ForeignKeyConstraint(["programme_code"], ["programme.code"], name=op.f("fk_wijk_programme_code_programme")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_wijk")),
        sa.UniqueConstraint("city", "name", name="uq_wijk_city_name"),
    )
    with op.batch_alter_table("wijk", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_wijk_programme_code"), ["programme_code"], unique=False)

    op.create_table(
        "budget_allocation",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("programme_code", sa.String(length=40), nullable=False),
        sa.Column("wijk_code", sa.String(length=40), nullable=True),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("requested", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("approved", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("spent", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=True),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "category IN ('algemene kosten', 'bewonersinitiatief')", name=op.f("ck_budget_allocation_category")
        ),
        sa.CheckConstraint(
            "requested >= 0 AND approved >= 0 AND spent >= 0", name=op.f("ck_budget_allocation_amounts")
        ),
        sa.ForeignKeyConstraint(
            ["programme_code"], ["programme.code"], name=op.f("fk_budget_allocation_programme_code_programme")
        ),
        sa.ForeignKeyConstraint(["wijk_code"], ["wijk.code"], name=op.f("fk_budget_allocation_wijk_code_wijk")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_budget_allocation")),
    )
    with op.batch_alter_table("budget_allocation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_budget_allocation_programme_code"), ["programme_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_budget_allocation_wijk_code"), ["wijk_code"], unique=False)

    op.create_table(
        "charter_partner",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("programme_code", sa.String(length=40), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("partner_code", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_code"], ["partner.code"], name=op.f("fk_charter_partner_partner_code_partner")
        ),
        sa.ForeignKeyConstraint(
            ["programme_code", "number"],
            ["charter_agreement.programme_code", "charter_agreement.number"],
            name="fk_charter_partner_agreement",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_charter_partner")),
        sa.UniqueConstraint("programme_code", "number", "partner_code", name="uq_charter_partner_key"),
    )
    op.create_table(
        "contract",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("wijk_code", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("signed_date", sa.Date(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint("kind IN ('wijkcontract', 'buurtuitvoeringsprogramma')", name=op.f("ck_contract_kind")),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_contract_period")),
        sa.ForeignKeyConstraint(["wijk_code"], ["wijk.code"], name=op.f("fk_contract_wijk_code_wijk")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_contract")),
    )
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contract_wijk_code"), ["wijk_code"], unique=False)

    op.create_table(
        "measurement",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("indicator_code", sa.String(length=40), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("wijk_code", sa.String(length=40), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint("year BETWEEN 1900 AND 2100", name=op.f("ck_measurement_year")),
        sa.ForeignKeyConstraint(
            ["indicator_code"], ["indicator.code"], name=op.f("fk_measurement_indicator_code_indicator")
        ),
        sa.ForeignKeyConstraint(["wijk_code"], ["wijk.code"], name=op.f("fk_measurement_wijk_code_wijk")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurement")),
    )
    with op.batch_alter_table("measurement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_measurement_wijk_code"), ["wijk_code"], unique=False)
        batch_op.create_index(
            "uq_measurement_city",
            ["indicator_code", "city", "year"],
            unique=True,
            sqlite_where=sa.text("wijk_code IS NULL"),
            postgresql_where=sa.text("wijk_code IS NULL"),
        )
        batch_op.create_index(
            "uq_measurement_wijk",
            ["indicator_code", "wijk_code", "year"],
            unique=True,
            sqlite_where=sa.text("wijk_code IS NOT NULL"),
            postgresql_where=sa.text("wijk_code IS NOT NULL"),
        )

    op.create_table(
        "target",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("wijk_code", sa.String(length=40), nullable=False),
        sa.Column("indicator_code", sa.String(length=40), nullable=False),
        sa.Column("baseline_year", sa.Integer(), nullable=False),
        sa.Column("baseline_value", sa.Double(), nullable=False),
        sa.Column("target_year", sa.Integer(), nullable=False),
        sa.Column("target_value", sa.Double(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint("target_year > baseline_year", name=op.f("ck_target_years")),
        sa.ForeignKeyConstraint(
            ["indicator_code"], ["indicator.code"], name=op.f("fk_target_indicator_code_indicator")
        ),
        sa.ForeignKeyConstraint(["wijk_code"], ["wijk.code"], name=op.f("fk_target_wijk_code_wijk")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target")),
        sa.UniqueConstraint("wijk_code", "indicator_code", name="uq_target_key"),
    )
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_target_indicator_code"), ["indicator_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_target_wijk_code"), ["wijk_code"], unique=False)

    op.create_table(
        "project",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("contract_code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("theme", sa.String(length=60), nullable=False),
        sa.Column("lead_partner_code", sa.String(length=40), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_project_period")),
        sa.ForeignKeyConstraint(["contract_code"], ["contract.code"], name=op.f("fk_project_contract_code_contract")),
        sa.ForeignKeyConstraint(
            ["lead_partner_code"], ["partner.code"], name=op.f("fk_project_lead_partner_code_partner")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_project")),
    )
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_contract_code"), ["contract_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_lead_partner_code"), ["lead_partner_code"], unique=False)

    op.create_table(
        "report_moment",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("contract_code", sa.String(length=40), nullable=False),
        sa.Column("report_date", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["contract_code"], ["contract.code"], name=op.f("fk_report_moment_contract_code_contract")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_moment")),
        sa.UniqueConstraint("contract_code", "report_date", name="uq_report_moment_key"),
    )
    with op.batch_alter_table("report_moment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_report_moment_contract_code"), ["contract_code"], unique=False)

    op.create_table(
        "milestone",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("project_code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("done_date", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(["project_code"], ["project.code"], name=op.f("fk_milestone_project_code_project")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestone")),
        sa.UniqueConstraint("project_code", "title", name="uq_milestone_key"),
    )
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_milestone_project_code"), ["project_code"], unique=False)

    op.create_table(
        "project_indicator",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("project_code", sa.String(length=40), nullable=False),
        sa.Column("indicator_code", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["indicator_code"], ["indicator.code"], name=op.f("fk_project_indicator_indicator_code_indicator")
        ),
        sa.ForeignKeyConstraint(
            ["project_code"], ["project.code"], name=op.f("fk_project_indicator_project_code_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_indicator")),
        sa.UniqueConstraint("project_code", "indicator_code", name="uq_project_indicator_key"),
    )
    op.create_table(
        "project_partner",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("project_code", sa.String(length=40), nullable=False),
        sa.Column("partner_code", sa.String(length=40), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_project_partner_amount")),
        sa.ForeignKeyConstraint(
            ["partner_code"], ["partner.code"], name=op.f("fk_project_partner_partner_code_partner")
        ),
        sa.ForeignKeyConstraint(
            ["project_code"], ["project.code"], name=op.f("fk_project_partner_project_code_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_partner")),
        sa.UniqueConstraint("project_code", "partner_code", name="uq_project_partner_key"),
    )
    with op.batch_alter_table("project_partner", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_partner_partner_code"), ["partner_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_partner_project_code"), ["project_code"], unique=False)

    op.create_table(
        "status_update",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("project_code", sa.String(length=40), nullable=False),
        sa.Column("update_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("oorzaak", sa.Text(), nullable=True),
        sa.Column("gevolg", sa.Text(), nullable=True),
        sa.Column("maatregel", sa.Text(), nullable=True),
        sa.Column("author", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "status IN ('niet gestart', 'op schema', 'aandacht', 'vertraagd', 'afgerond', 'gestopt')",
            name=op.f("ck_status_update_status"),
        ),
        sa.CheckConstraint("progress BETWEEN 0 AND 100", name=op.f("ck_status_update_progress")),
        sa.ForeignKeyConstraint(["project_code"], ["project.code"], name=op.f("fk_status_update_project_code_project")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_update")),
        sa.UniqueConstraint("project_code", "update_date", name="uq_status_update_key"),
    )
    with op.batch_alter_table("status_update", schema=None) as batch_op:
        batch_op.create_index("ix_status_update_date", ["update_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("status_update", schema=None) as batch_op:
        batch_op.drop_index("ix_status_update_date")

    op.drop_table("status_update")
    with op.batch_alter_table("project_partner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_partner_project_code"))
        batch_op.drop_index(batch_op.f("ix_project_partner_partner_code"))

    op.drop_table("project_partner")
    op.drop_table("project_indicator")
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestone_project_code"))

    op.drop_table("milestone")
    with op.batch_alter_table("report_moment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_moment_contract_code"))

    op.drop_table("report_moment")
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_lead_partner_code"))
        batch_op.drop_index(batch_op.f("ix_project_contract_code"))

    op.drop_table("project")
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_target_wijk_code"))
        batch_op.drop_index(batch_op.f("ix_target_indicator_code"))

    op.drop_table("target")
    with op.batch_alter_table("measurement", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_measurement_wijk",
            sqlite_where=sa.text("wijk_code IS NOT NULL"),
            postgresql_where=sa.text("wijk_code IS NOT NULL"),
        )
        batch_op.drop_index(
            "uq_measurement_city",
            sqlite_where=sa.text("wijk_code IS NULL"),
            postgresql_where=sa.text("wijk_code IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_measurement_wijk_code"))

    op.drop_table("measurement")
    with op.batch_alter_table("contract", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_wijk_code"))

    op.drop_table("contract")
    op.drop_table("charter_partner")
    with op.batch_alter_table("budget_allocation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_budget_allocation_wijk_code"))
        batch_op.drop_index(batch_op.f("ix_budget_allocation_programme_code"))

    op.drop_table("budget_allocation")
    with op.batch_alter_table("wijk", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wijk_programme_code"))

    op.drop_table("wijk")
    op.drop_table("scenario")
    op.drop_table("charter_agreement")
    op.drop_table("app_user")
    op.drop_table("programme")
    op.drop_table("partner")
    op.drop_table("indicator")
    op.drop_table("data_version")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
