using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeopleDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsElected",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "PartyId",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PoliticalParty",
                table: "People",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_PartyId",
                table: "People",
                column: "PartyId");

            migrationBuilder.AddForeignKey(
                name: "FK_People_Parties_PartyId",
                table: "People",
                column: "PartyId",
                principalTable: "Parties",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_People_Parties_PartyId",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_PartyId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "IsElected",
                table: "People");

            migrationBuilder.DropColumn(
                name: "PartyId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "PoliticalParty",
                table: "People");
        }
    }
}
