mod migrations;
mod schema;
