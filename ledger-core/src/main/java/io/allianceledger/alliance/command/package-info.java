/**
 * The alliance domain's commands: typed records that encode themselves into the binary layout of
 * {@link io.allianceledger.alliance.command.AllianceLayout} (command types 64..80 of the engine's extension
 * range), and the values they carry: participant roles and codes, rule sets and split shares.
 */
package io.allianceledger.alliance.command;
