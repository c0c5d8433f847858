-- Fixture (FATE Deployer tests): the meta tables of eggroll, in the database the generator names.
CREATE DATABASE IF NOT EXISTS `eggroll_meta`;
USE `eggroll_meta`;
CREATE TABLE IF NOT EXISTS `server_node` (`server_node_id` SERIAL PRIMARY KEY, `host` VARCHAR(1000));
