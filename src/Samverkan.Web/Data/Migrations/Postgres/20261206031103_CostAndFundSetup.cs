using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CostAndFundSetup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Criteria",
                table: "Funds",
                type: "character varying(500)[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<Guid>(
                name: "DecidingPartyId",
                table: "Funds",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidUntil",
                table: "Funds",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FundId",
                table: "CountyGoals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "IndexReferenceDayOfMonth",
                table: "CostModels",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "IndexReferenceMonth",
                table: "CostModels",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<string>(
                name: "IndexSeries",
                table: "CostModels",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "LPIK");

            migrationBuilder.AddColumn<string>(
                name: "InvoiceSection",
                table: "CostModels",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "avsnitt 5 Ekonomi");

            migrationBuilder.AddColumn<int>(
                name: "UpliftDeadlineDay",
                table: "CostModels",
                type: "integer",
                nullable: false,
                defaultValue: 31);

            migrationBuilder.AddColumn<int>(
                name: "UpliftDeadlineMonth",
                table: "CostModels",
                type: "integer",
                nullable: false,
                defaultValue: 8);


            // Existing cost models keep what was fixed before: LPIK as of 1 March, uplifts agreed by 31 August, and the
            // section their invoices have cited. Funds made before their criteria were their own keep the list the
            // initiative page used to offer, and the county's region as the party that decides on their money.
            migrationBuilder.Sql("""UPDATE "Funds" SET "Criteria" = ARRAY['Har betydelse för hela länet', 'Går utöver en enskild parts ansvar', 'Utgår från länets strategi (vision, mål, prioriteringar) eller trafikförsörjningsprogrammets mål', 'Medfinansiering eller hävstång (önskvärt, inte krav)']::character varying(500)[] WHERE cardinality("Criteria") = 0;""");
            migrationBuilder.Sql("""UPDATE "Funds" SET "DecidingPartyId" = (SELECT p."Id" FROM "Parties" p WHERE p."CountyId" = "Funds"."CountyId" AND p."Kind" = 'Region' LIMIT 1);""");

            migrationBuilder.CreateIndex(
                name: "IX_Funds_DecidingPartyId",
                table: "Funds",
                column: "DecidingPartyId");

            migrationBuilder.CreateIndex(
                name: "IX_CountyGoals_FundId",
                table: "CountyGoals",
                column: "FundId");

            migrationBuilder.AddForeignKey(
                name: "FK_CountyGoals_Funds_FundId",
                table: "CountyGoals",
                column: "FundId",
                principalTable: "Funds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Funds_Parties_DecidingPartyId",
                table: "Funds",
                column: "DecidingPartyId",
                principalTable: "Parties",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CountyGoals_Funds_FundId",
                table: "CountyGoals");

            migrationBuilder.DropForeignKey(
                name: "FK_Funds_Parties_DecidingPartyId",
                table: "Funds");

            migrationBuilder.DropIndex(
                name: "IX_Funds_DecidingPartyId",
                table: "Funds");

            migrationBuilder.DropIndex(
                name: "IX_CountyGoals_FundId",
                table: "CountyGoals");

            migrationBuilder.DropColumn(
                name: "Criteria",
                table: "Funds");

            migrationBuilder.DropColumn(
                name: "DecidingPartyId",
                table: "Funds");

            migrationBuilder.DropColumn(
                name: "ValidUntil",
                table: "Funds");

            migrationBuilder.DropColumn(
                name: "FundId",
                table: "CountyGoals");

            migrationBuilder.DropColumn(
                name: "IndexReferenceDayOfMonth",
                table: "CostModels");

            migrationBuilder.DropColumn(
                name: "IndexReferenceMonth",
                table: "CostModels");

            migrationBuilder.DropColumn(
                name: "IndexSeries",
                table: "CostModels");

            migrationBuilder.DropColumn(
                name: "InvoiceSection",
                table: "CostModels");

            migrationBuilder.DropColumn(
                name: "UpliftDeadlineDay",
                table: "CostModels");

            migrationBuilder.DropColumn(
                name: "UpliftDeadlineMonth",
                table: "CostModels");
        }
    }
}
