SELECT relation_id, stated_id FROM relations;
