using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ScaleAndInstances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_ProcessedAt_DueAt",
                table: "Outbox");

            migrationBuilder.AddColumn<bool>(
                name: "Interactive",
                table: "Outbox",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "ImportJobs",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "ImportJobs",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SharedSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "varchar(500)", unicode: false, maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedSecrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "UsedFormNonces",
                columns: table => new
                {
                    Nonce = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedFormNonces", x => x.Nonce);
                });

            migrationBuilder.CreateTable(
                name: "WorkerLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    Owner = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Token = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AcquiredAt = table.Column<long>(type: "bigint", nullable: false),
                    Until = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ProcessedAt_Interactive_Sequence",
                table: "Outbox",
                columns: new[] { "ProcessedAt", "Interactive", "Sequence" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_Status_LeaseUntil",
                table: "ImportJobs",
                columns: new[] { "Status", "LeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_UsedFormNonces_ExpiresAt",
                table: "UsedFormNonces",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SharedSecrets");

            migrationBuilder.DropTable(
                name: "UsedFormNonces");

            migrationBuilder.DropTable(
                name: "WorkerLeases");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_ProcessedAt_Interactive_Sequence",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_ImportJobs_Status_LeaseUntil",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "Interactive",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "ImportJobs");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ProcessedAt_DueAt",
                table: "Outbox",
                columns: new[] { "ProcessedAt", "DueAt" });
        }
    }
}
