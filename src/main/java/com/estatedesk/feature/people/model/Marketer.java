package com.estatedesk.feature.people.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A sales agent of a company; uid like LPL-MKT001. */
@Entity
@Table(name = "marketer")
public class Marketer extends Person {}
