using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FundOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Initiatives",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "Initiatives",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CouncilMeetingId",
                table: "Initiatives",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CouncilMinutesItemId",
                table: "Initiatives",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "GoalIds",
                table: "Initiatives",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<decimal>(
                name: "PlannedBusiness",
                table: "Initiatives",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "PlannedEu",
                table: "Initiatives",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "PlannedOther",
                table: "Initiatives",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "PlannedState",
                table: "Initiatives",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "RecipientName",
                table: "Initiatives",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientOrganisationNumber",
                table: "Initiatives",
                type: "character varying(11)",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "YearClosings",
                table: "Funds",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CountyGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountyGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CountyGoals_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutcomeReminders_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Progress = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Results = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NextSteps = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ObtainedBusiness = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ObtainedEu = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ObtainedOther = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ObtainedState = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutcomeReports_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_CouncilMeetingId",
                table: "Initiatives",
                column: "CouncilMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_CouncilMinutesItemId",
                table: "Initiatives",
                column: "CouncilMinutesItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CountyGoals_CountyId_Order",
                table: "CountyGoals",
                columns: new[] { "CountyId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeReminders_InitiativeId_Year",
                table: "OutcomeReminders",
                columns: new[] { "InitiativeId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeReports_CountyId",
                table: "OutcomeReports",
                column: "CountyId");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeReports_InitiativeId_Year",
                table: "OutcomeReports",
                columns: new[] { "InitiativeId", "Year" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Initiatives_Meetings_CouncilMeetingId",
                table: "Initiatives",
                column: "CouncilMeetingId",
                principalTable: "Meetings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Initiatives_MinutesItems_CouncilMinutesItemId",
                table: "Initiatives",
                column: "CouncilMinutesItemId",
                principalTable: "MinutesItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Initiatives_Meetings_CouncilMeetingId",
                table: "Initiatives");

            migrationBuilder.DropForeignKey(
                name: "FK_Initiatives_MinutesItems_CouncilMinutesItemId",
                table: "Initiatives");

            migrationBuilder.DropTable(
                name: "CountyGoals");

            migrationBuilder.DropTable(
                name: "OutcomeReminders");

            migrationBuilder.DropTable(
                name: "OutcomeReports");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_CouncilMeetingId",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_CouncilMinutesItemId",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "ContactName",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "CouncilMeetingId",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "CouncilMinutesItemId",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "GoalIds",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "PlannedBusiness",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "PlannedEu",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "PlannedOther",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "PlannedState",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "RecipientName",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "RecipientOrganisationNumber",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "YearClosings",
                table: "Funds");
        }
    }
}
