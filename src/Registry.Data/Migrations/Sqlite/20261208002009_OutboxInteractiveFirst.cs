using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxInteractiveFirst : Migration
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ProcessedAt_Interactive_Sequence",
                table: "Outbox",
                columns: new[] { "ProcessedAt", "Interactive", "Sequence" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_ProcessedAt_Interactive_Sequence",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Interactive",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ProcessedAt_DueAt",
                table: "Outbox",
                columns: new[] { "ProcessedAt", "DueAt" });
        }
    }
}
