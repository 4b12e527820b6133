using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FundSetup : Migration
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


            // Funds made before their criteria were their own keep the list the initiative page used to offer, and the
            // county's region as the party that decides on their money (seed 004).
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
        }
    }
}
