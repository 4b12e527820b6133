using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Web.Data.Migrations;

/// <summary>Registry addresses of the parties, for dispatching minutes, and binary mail attachments. Hand-written, provider-neutral.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122235000_Dispatch")]
public sealed class Dispatch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "RegistryEmail", table: "Parties", maxLength: 320, nullable: true);
        migrationBuilder.AddColumn<byte[]>(name: "AttachmentBytes", table: "OutboxMessages", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "AttachmentBytes", table: "OutboxMessages");
        migrationBuilder.DropColumn(name: "RegistryEmail", table: "Parties");
    }
}
