using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContractsReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.AddColumn<Guid>(
                name: "PredecessorId",
                table: "Agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SharedFromItemId",
                table: "AgendaItems",
                type: "TEXT",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_PredecessorId",
                table: "Agreements",
                column: "PredecessorId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContractSignatories_ContractId",
                table: "ContractSignatories",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractSignatories_PersonId",
                table: "ContractSignatories",
                column: "PersonId");

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
                name: "FK_Agreements_Agreements_PredecessorId",
                table: "Agreements",
                column: "PredecessorId",
                principalTable: "Agreements",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Agreements_Agreements_PredecessorId",
                table: "Agreements");

            migrationBuilder.DropTable(
                name: "ContractSignatories");

            migrationBuilder.DropTable(
                name: "RelevanceReviews");

            migrationBuilder.DropTable(
                name: "PartyContracts");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_PredecessorId",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "Advisory",
                table: "Minutes");

            migrationBuilder.DropColumn(
                name: "Advisory",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "PredecessorId",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "SharedFromItemId",
                table: "AgendaItems");
        }
    }
}
