using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations;

/// <summary>Agenda items may name the SRB mandatory item they prepare. Hand-written, provider-neutral.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122230000_AgendaTopics")]
public sealed class AgendaTopics : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Topic", table: "AgendaItems", maxLength: 40, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Topic", table: "AgendaItems");
    }
}
