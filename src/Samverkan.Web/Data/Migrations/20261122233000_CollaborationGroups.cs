using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations;

/// <summary>Collaboration groups' charters (set up and closed by the SRB) and their half-yearly reports. Hand-written, provider-neutral.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122233000_CollaborationGroups")]
public sealed class CollaborationGroups : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "GroupCharters",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                BodyId = table.Column<Guid>(nullable: false),
                Remit = table.Column<string>(nullable: false),
                WorkingForms = table.Column<string>(nullable: true),
                EstablishedBy = table.Column<string>(maxLength: 200, nullable: false),
                EstablishedByItemId = table.Column<Guid>(nullable: true),
                EstablishedOn = table.Column<DateOnly>(nullable: false),
                ClosedBy = table.Column<string>(maxLength: 200, nullable: true),
                ClosedOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GroupCharters", x => x.Id);
                table.ForeignKey(
                    name: "FK_GroupCharters_Bodies_BodyId",
                    column: x => x.BodyId,
                    principalTable: "Bodies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "GroupReports",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                BodyId = table.Column<Guid>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                ReceivedOn = table.Column<DateOnly>(nullable: true),
                Summary = table.Column<string>(nullable: true),
                ReminderSentOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GroupReports", x => x.Id);
                table.ForeignKey(
                    name: "FK_GroupReports_Bodies_BodyId",
                    column: x => x.BodyId,
                    principalTable: "Bodies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_GroupCharters_BodyId",
            table: "GroupCharters",
            column: "BodyId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_GroupReports_BodyId_DueOn",
            table: "GroupReports",
            columns: new[] { "BodyId", "DueOn" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "GroupReports");
        migrationBuilder.DropTable(name: "GroupCharters");
    }
}
