using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
#nullable disable

namespace Samverkan.Web.Data.Migrations;

/// <summary>
/// Cost sharing and invoicing: the cost model with its yearly rules, index series, former member fees, invoices and
/// the gap-free invoice series. Hand-written and provider-neutral like <see cref="Initial"/>.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122140000_CostSharing")]
public sealed class CostSharing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IndexValues",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Series = table.Column<string>(maxLength: 20, nullable: false),
                Year = table.Column<int>(nullable: false),
                ChangePercent = table.Column<decimal>(precision: 9, scale: 4, nullable: false),
                IsFinal = table.Column<bool>(nullable: false),
                Source = table.Column<string>(maxLength: 200, nullable: false),
                PublishedOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndexValues", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "InvoiceSeries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                LastNumber = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InvoiceSeries", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "CostModels",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
                BaseYear = table.Column<int>(nullable: false),
                BaseLevel = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                BaseLabel = table.Column<string>(maxLength: 200, nullable: false),
                PopulationYearOffset = table.Column<int>(nullable: false),
                FirstDueMonth = table.Column<int>(nullable: false),
                FirstDueDay = table.Column<int>(nullable: false),
                SecondDueMonth = table.Column<int>(nullable: false),
                SecondDueDay = table.Column<int>(nullable: false),
                ReceivableAccount = table.Column<string>(maxLength: 4, nullable: false),
                RevenueAccount = table.Column<string>(maxLength: 4, nullable: false),
                Bankgiro = table.Column<string>(maxLength: 20, nullable: true),
                VatCategory = table.Column<string>(maxLength: 2, nullable: false),
                VatRate = table.Column<decimal>(precision: 5, scale: 2, nullable: false),
                VatExemptionReason = table.Column<string>(maxLength: 300, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CostModels", x => x.Id);
                table.ForeignKey(
                    name: "FK_CostModels_Agreements_AgreementId",
                    column: x => x.AgreementId,
                    principalTable: "Agreements",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "FormerFees",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                PartyId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                Description = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FormerFees", x => x.Id);
                table.ForeignKey(
                    name: "FK_FormerFees_Parties_PartyId",
                    column: x => x.PartyId,
                    principalTable: "Parties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Invoices",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                AgreementId = table.Column<Guid>(nullable: false),
                PartyId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                Number = table.Column<string>(maxLength: 20, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Purpose = table.Column<string>(maxLength: 40, nullable: false),
                Instalment = table.Column<int>(nullable: true),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                IsPreliminary = table.Column<bool>(nullable: false),
                IssuedOn = table.Column<DateOnly>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                Description = table.Column<string>(maxLength: 500, nullable: false),
                Derivation = table.Column<string>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                PaidOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Invoices", x => x.Id);
                table.ForeignKey(
                    name: "FK_Invoices_Agreements_AgreementId",
                    column: x => x.AgreementId,
                    principalTable: "Agreements",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Invoices_Parties_PartyId",
                    column: x => x.PartyId,
                    principalTable: "Parties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CostYearRules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CostModelId = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Value = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                IndexSeries = table.Column<string>(maxLength: 20, nullable: true),
                DecisionReference = table.Column<string>(maxLength: 200, nullable: true),
                DecidedOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CostYearRules", x => x.Id);
                table.ForeignKey(
                    name: "FK_CostYearRules_CostModels_CostModelId",
                    column: x => x.CostModelId,
                    principalTable: "CostModels",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_CostModels_AgreementId",
            table: "CostModels",
            column: "AgreementId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CostYearRules_CostModelId_Year",
            table: "CostYearRules",
            columns: new[] { "CostModelId", "Year" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_FormerFees_PartyId",
            table: "FormerFees",
            column: "PartyId");

        migrationBuilder.CreateIndex(
            name: "IX_IndexValues_Series_Year",
            table: "IndexValues",
            columns: new[] { "Series", "Year" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Invoices_AgreementId_PartyId_Year_Instalment_Kind",
            table: "Invoices",
            columns: new[] { "AgreementId", "PartyId", "Year", "Instalment", "Kind" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Invoices_CountyId_Year_Sequence",
            table: "Invoices",
            columns: new[] { "CountyId", "Year", "Sequence" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Invoices_PartyId",
            table: "Invoices",
            column: "PartyId");

        migrationBuilder.CreateIndex(
            name: "IX_InvoiceSeries_CountyId_Year",
            table: "InvoiceSeries",
            columns: new[] { "CountyId", "Year" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CostYearRules");
        migrationBuilder.DropTable(name: "Invoices");
        migrationBuilder.DropTable(name: "FormerFees");
        migrationBuilder.DropTable(name: "CostModels");
        migrationBuilder.DropTable(name: "InvoiceSeries");
        migrationBuilder.DropTable(name: "IndexValues");
    }
}
