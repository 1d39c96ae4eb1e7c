package com.estatedesk.feature.people.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A buyer of a company; uid like LPL-CLT001. */
@Entity
@Table(name = "client")
public class Client extends Person {}
