using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations;

/// <summary>Each party's own decision on the committee's recommendations. Hand-written, provider-neutral.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122210000_PartyDecisions")]
public sealed class PartyDecisions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PartyDecisions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                MinutesItemId = table.Column<Guid>(nullable: false),
                PartyId = table.Column<Guid>(nullable: false),
                Outcome = table.Column<string>(maxLength: 40, nullable: false),
                DecidedOn = table.Column<DateOnly>(nullable: false),
                Reference = table.Column<string>(maxLength: 200, nullable: false),
                RecordedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PartyDecisions", x => x.Id);
                table.ForeignKey(
                    name: "FK_PartyDecisions_MinutesItems_MinutesItemId",
                    column: x => x.MinutesItemId,
                    principalTable: "MinutesItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_PartyDecisions_Parties_PartyId",
                    column: x => x.PartyId,
                    principalTable: "Parties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_PartyDecisions_MinutesItemId_PartyId",
            table: "PartyDecisions",
            columns: new[] { "MinutesItemId", "PartyId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_PartyDecisions_PartyId",
            table: "PartyDecisions",
            column: "PartyId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PartyDecisions");
    }
}
