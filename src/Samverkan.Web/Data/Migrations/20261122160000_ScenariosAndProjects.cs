using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations;

/// <summary>Scenarios for comparing cost levels and keys, and jointly financed projects. Hand-written, provider-neutral.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122160000_ScenariosAndProjects")]
public sealed class ScenariosAndProjects : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Projects",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Total = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                RegionPercent = table.Column<decimal>(precision: 9, scale: 4, nullable: false),
                Key = table.Column<string>(maxLength: 40, nullable: false),
                EqualPercent = table.Column<decimal>(precision: 9, scale: 4, nullable: true),
                PopulationYear = table.Column<int>(nullable: false),
                DecisionReference = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Projects", x => x.Id);
                table.ForeignKey(
                    name: "FK_Projects_Counties_CountyId",
                    column: x => x.CountyId,
                    principalTable: "Counties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Scenarios",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CountyId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Year = table.Column<int>(nullable: false),
                Level = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                UpliftPercent = table.Column<decimal>(precision: 9, scale: 4, nullable: true),
                Key = table.Column<string>(maxLength: 40, nullable: false),
                EqualPercent = table.Column<decimal>(precision: 9, scale: 4, nullable: true),
                SharedWithParties = table.Column<bool>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Scenarios", x => x.Id);
                table.ForeignKey(
                    name: "FK_Scenarios_Counties_CountyId",
                    column: x => x.CountyId,
                    principalTable: "Counties",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Projects_CountyId",
            table: "Projects",
            column: "CountyId");

        migrationBuilder.CreateIndex(
            name: "IX_Scenarios_CountyId",
            table: "Scenarios",
            column: "CountyId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Scenarios");
        migrationBuilder.DropTable(name: "Projects");
    }
}
