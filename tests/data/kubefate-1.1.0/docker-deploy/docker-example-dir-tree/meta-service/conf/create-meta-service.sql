-- Test fixture written for FATE Deployer (KubeFATE 1.1.0 layout and keys, our own text)
CREATE DATABASE IF NOT EXISTS `eggroll_meta`;
USE `eggroll_meta`;

CREATE TABLE IF NOT EXISTS `eggroll_meta`.`node` (
  `node_id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `ip` VARCHAR(255) NOT NULL,
  `port` INT NOT NULL,
  `type` VARCHAR(50) NOT NULL,
  `status` VARCHAR(50) NOT NULL,
  PRIMARY KEY (`node_id`));
CREATE INDEX `idx_node_ip` ON `eggroll_meta`.`node` (`ip`);

CREATE TABLE IF NOT EXISTS `eggroll_meta`.`table` (
  `table_id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `namespace` VARCHAR(2000) NOT NULL,
  `table_name` VARCHAR(2000) NOT NULL,
  PRIMARY KEY (`table_id`));
