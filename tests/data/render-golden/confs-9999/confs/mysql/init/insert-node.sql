
INSERT INTO node (ip, port, type, status) values ('roll', '8011', 'ROLL', 'HEALTHY');
INSERT INTO node (ip, port, type, status) values ('proxy', '9370', 'PROXY', 'HEALTHY');
INSERT INTO node (ip, port, type, status) values ('egg', '7888', 'EGG', 'HEALTHY');
INSERT INTO node (ip, port, type, status) values ('egg', '7778', 'STORAGE', 'HEALTHY');
show tables;
select * from node;
