using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CasesContractsFundOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AgendaItemId",
                table: "MinutesItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Advisory",
                table: "Minutes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Advisory",
                table: "Meetings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Initiatives",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "Initiatives",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CouncilMeetingId",
                table: "Initiatives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CouncilMinutesItemId",
                table: "Initiatives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GoalIds",
                table: "Initiatives",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<decimal>(
                name: "PlannedBusiness",
                table: "Initiatives",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "PlannedEu",
                table: "Initiatives",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "PlannedOther",
                table: "Initiatives",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "PlannedState",
                table: "Initiatives",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "RecipientName",
                table: "Initiatives",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientOrganisationNumber",
                table: "Initiatives",
                type: "TEXT",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "YearClosings",
                table: "Funds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PredecessorId",
                table: "Agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CaseId",
                table: "AgendaItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SharedFromItemId",
                table: "AgendaItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Series = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 540, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResponsibleBodyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResponsibleOfficer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RelatedCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecisionText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecisionReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IssuerReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReplyBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DrafterPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReplySentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReplyDocumentNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstReminderSent = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastReminderSent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_Bodies_ResponsibleBodyId",
                        column: x => x.ResponsibleBodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Cases_RelatedCaseId",
                        column: x => x.RelatedCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_People_DrafterPersonId",
                        column: x => x.DrafterPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseSeries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ForReferrals = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseSeries_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CountyGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "FlowTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlowTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FlowTemplates_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Results = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NextSteps = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ObtainedBusiness = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ObtainedEu = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ObtainedOther = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ObtainedState = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "PartyContracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Meaning = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Commitments = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    DocumentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DocumentFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    DocumentContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DocumentSize = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyContracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartyContracts_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartyContracts_Counties_CountyId",
                        column: x => x.CountyId,
                        principalTable: "Counties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartyContracts_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RelevanceReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReminderSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WorkingForms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Results = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Financing = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Structure = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelevanceReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RelevanceReviews_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Counterpart = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    SecrecyReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseDocuments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EveryPartyCouncil = table.Column<bool>(type: "INTEGER", nullable: false),
                    MunicipalitiesOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MinutesItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Paragraph = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseSteps_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseSteps_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FlowTemplateSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EveryPartyCouncil = table.Column<bool>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueAfterDays = table.Column<int>(type: "INTEGER", nullable: true),
                    MunicipalitiesOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    FlowTemplateId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlowTemplateSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FlowTemplateSteps_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FlowTemplateSteps_FlowTemplates_FlowTemplateId",
                        column: x => x.FlowTemplateId,
                        principalTable: "FlowTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractSignatories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Capacity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NamedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NamedRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractSignatories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractSignatories_PartyContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "PartyContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContractSignatories_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CouncilDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilDecisions_CaseSteps_StepId",
                        column: x => x.StepId,
                        principalTable: "CaseSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CouncilDecisions_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MinutesItems_AgendaItemId",
                table: "MinutesItems",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_CouncilMeetingId",
                table: "Initiatives",
                column: "CouncilMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_CouncilMinutesItemId",
                table: "Initiatives",
                column: "CouncilMinutesItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_PredecessorId",
                table: "Agreements",
                column: "PredecessorId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_CaseId",
                table: "AgendaItems",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDocuments_CaseId_Number",
                table: "CaseDocuments",
                columns: new[] { "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CountyId_CaseNumber",
                table: "Cases",
                columns: new[] { "CountyId", "CaseNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CountyId_Kind_RegisteredOn",
                table: "Cases",
                columns: new[] { "CountyId", "Kind", "RegisteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CountyId_RegisteredOn",
                table: "Cases",
                columns: new[] { "CountyId", "RegisteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CountyId_ReplyBy",
                table: "Cases",
                columns: new[] { "CountyId", "ReplyBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CountyId_Series_Year_Number",
                table: "Cases",
                columns: new[] { "CountyId", "Series", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CountyId_Status_RegisteredOn",
                table: "Cases",
                columns: new[] { "CountyId", "Status", "RegisteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DrafterPersonId",
                table: "Cases",
                column: "DrafterPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_RelatedCaseId",
                table: "Cases",
                column: "RelatedCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ResponsibleBodyId",
                table: "Cases",
                column: "ResponsibleBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseSeries_CountyId_Code",
                table: "CaseSeries",
                columns: new[] { "CountyId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseSteps_AgendaItemId",
                table: "CaseSteps",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseSteps_BodyId_Outcome",
                table: "CaseSteps",
                columns: new[] { "BodyId", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseSteps_CaseId_Order",
                table: "CaseSteps",
                columns: new[] { "CaseId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseSteps_MinutesItemId",
                table: "CaseSteps",
                column: "MinutesItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractSignatories_ContractId",
                table: "ContractSignatories",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractSignatories_PersonId",
                table: "ContractSignatories",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilDecisions_PartyId",
                table: "CouncilDecisions",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilDecisions_StepId_PartyId",
                table: "CouncilDecisions",
                columns: new[] { "StepId", "PartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CountyGoals_CountyId_Order",
                table: "CountyGoals",
                columns: new[] { "CountyId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_FlowTemplates_CountyId",
                table: "FlowTemplates",
                column: "CountyId");

            migrationBuilder.CreateIndex(
                name: "IX_FlowTemplateSteps_BodyId",
                table: "FlowTemplateSteps",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_FlowTemplateSteps_FlowTemplateId",
                table: "FlowTemplateSteps",
                column: "FlowTemplateId");

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

            migrationBuilder.CreateIndex(
                name: "IX_PartyContracts_AgreementId_PartyId",
                table: "PartyContracts",
                columns: new[] { "AgreementId", "PartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartyContracts_CountyId",
                table: "PartyContracts",
                column: "CountyId");

            migrationBuilder.CreateIndex(
                name: "IX_PartyContracts_PartyId",
                table: "PartyContracts",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_RelevanceReviews_AgreementId_Year",
                table: "RelevanceReviews",
                columns: new[] { "AgreementId", "Year" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaItems_Cases_CaseId",
                table: "AgendaItems",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Agreements_Agreements_PredecessorId",
                table: "Agreements",
                column: "PredecessorId",
                principalTable: "Agreements",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

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

            migrationBuilder.AddForeignKey(
                name: "FK_MinutesItems_AgendaItems_AgendaItemId",
                table: "MinutesItems",
                column: "AgendaItemId",
                principalTable: "AgendaItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            // The consultation forum's meetings and minutes are advisory: mark those that exist already.
            migrationBuilder.Sql("UPDATE \"Meetings\" SET \"Advisory\" = TRUE WHERE \"BodyId\" IN (SELECT \"Id\" FROM \"Bodies\" WHERE \"Kind\" = 'ConsultationForum');");
            migrationBuilder.Sql("UPDATE \"Minutes\" SET \"Advisory\" = TRUE WHERE \"BodyId\" IN (SELECT \"Id\" FROM \"Bodies\" WHERE \"Kind\" = 'ConsultationForum');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgendaItems_Cases_CaseId",
                table: "AgendaItems");

            migrationBuilder.DropForeignKey(
                name: "FK_Agreements_Agreements_PredecessorId",
                table: "Agreements");

            migrationBuilder.DropForeignKey(
                name: "FK_Initiatives_Meetings_CouncilMeetingId",
                table: "Initiatives");

            migrationBuilder.DropForeignKey(
                name: "FK_Initiatives_MinutesItems_CouncilMinutesItemId",
                table: "Initiatives");

            migrationBuilder.DropForeignKey(
                name: "FK_MinutesItems_AgendaItems_AgendaItemId",
                table: "MinutesItems");

            migrationBuilder.DropTable(
                name: "CaseDocuments");

            migrationBuilder.DropTable(
                name: "CaseSeries");

            migrationBuilder.DropTable(
                name: "ContractSignatories");

            migrationBuilder.DropTable(
                name: "CouncilDecisions");

            migrationBuilder.DropTable(
                name: "CountyGoals");

            migrationBuilder.DropTable(
                name: "FlowTemplateSteps");

            migrationBuilder.DropTable(
                name: "OutcomeReminders");

            migrationBuilder.DropTable(
                name: "OutcomeReports");

            migrationBuilder.DropTable(
                name: "RelevanceReviews");

            migrationBuilder.DropTable(
                name: "PartyContracts");

            migrationBuilder.DropTable(
                name: "CaseSteps");

            migrationBuilder.DropTable(
                name: "FlowTemplates");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_MinutesItems_AgendaItemId",
                table: "MinutesItems");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_CouncilMeetingId",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Initiatives_CouncilMinutesItemId",
                table: "Initiatives");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_PredecessorId",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItems_CaseId",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "AgendaItemId",
                table: "MinutesItems");

            migrationBuilder.DropColumn(
                name: "Advisory",
                table: "Minutes");

            migrationBuilder.DropColumn(
                name: "Advisory",
                table: "Meetings");

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

            migrationBuilder.DropColumn(
                name: "PredecessorId",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "SharedFromItemId",
                table: "AgendaItems");
        }
    }
}
