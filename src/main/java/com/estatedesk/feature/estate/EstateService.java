package com.estatedesk.feature.estate;

import com.estatedesk.infra.paging.Page;
import com.estatedesk.infra.paging.PageRequest;
import com.estatedesk.infra.problem.Conflict;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.platform.activity.ActivityLog;
import com.estatedesk.platform.activity.ActivityView.Subject;
import com.estatedesk.platform.tenancy.CompanyRows;
import com.estatedesk.platform.tenancy.CompanyScoped;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A company's estates, plot sizes, plot numbers and the plots laid out in each estate. */
@Stateless
@CompanyScoped
public class EstateService {

    @PersistenceContext
    EntityManager em;

    @Inject
    CompanyRows rows;

    @Inject
    ActivityLog activity;

    public EstateView createEstate(NewEstate request) {
        String name = request.name().trim();
        if (exists("select e.id from Estate e where e.nameKey = :key", Estate.key(name))) {
            throw Conflict.ESTATE_NAME.problem();
        }
        Estate estate =
                new Estate(name, request.location().trim(), request.size(), request.sizeUnit(), request.titleDeed());
        em.persist(estate);
        activity.record("CREATED", Subject.of("estate", estate.id(), estate.name()), estate.location());
        return EstateView.of(estate);
    }

    public EstateView findEstate(long id) {
        return EstateView.of(rows.inPath(Estate.class, id, "estate"));
    }

    public Page<EstateView> listEstates(PageRequest page) {
        return page(Estate.class, page, Estate::id, EstateView::of);
    }

    public PlotSizeView createPlotSize(String size) {
        if (exists("select s.id from PlotSize s where s.sizeKey = :key", Estate.key(size))) {
            throw Conflict.PLOT_SIZE.problem();
        }
        PlotSize plotSize = new PlotSize(size.trim());
        em.persist(plotSize);
        activity.record("CREATED", Subject.of("plot size", plotSize.id(), plotSize.size()), null);
        return PlotSizeView.of(plotSize);
    }

    public PlotSizeView findPlotSize(long id) {
        return PlotSizeView.of(rows.inPath(PlotSize.class, id, "plot size"));
    }

    public Page<PlotSizeView> listPlotSizes(PageRequest page) {
        return page(PlotSize.class, page, PlotSize::id, PlotSizeView::of);
    }

    public PlotNumberView createPlotNumber(String number) {
        if (exists("select n.id from PlotNumber n where n.numberKey = :key", Estate.key(number))) {
            throw Conflict.PLOT_NUMBER.problem();
        }
        PlotNumber plotNumber = new PlotNumber(number.trim());
        em.persist(plotNumber);
        activity.record("CREATED", Subject.of("plot number", plotNumber.id(), plotNumber.number()), null);
        return PlotNumberView.of(plotNumber);
    }

    public PlotNumberView findPlotNumber(long id) {
        return PlotNumberView.of(rows.inPath(PlotNumber.class, id, "plot number"));
    }

    public Page<PlotNumberView> listPlotNumbers(PageRequest page) {
        return page(PlotNumber.class, page, PlotNumber::id, PlotNumberView::of);
    }

    /** Lays out units of one plot size in an estate, with the plot numbers that belong to them. */
    public EstatePlotView addPlots(long estateId, NewEstatePlot request) {
        Estate estate = rows.inPath(Estate.class, estateId, "estate");
        PlotSize plotSize = rows.inBody(PlotSize.class, request.plotSizeId(), "plotSizeId", "plot size");
        List<Long> numberIds = request.plotNumberIds() == null ? List.of() : request.plotNumberIds();
        if (new HashSet<>(numberIds).size() != numberIds.size()) {
            throw Problems.invalid("plotNumberIds", "must not repeat a plot number");
        }
        if (numberIds.size() > request.totalUnits()) {
            throw Problems.invalid("plotNumberIds", "must not have more plot numbers than totalUnits");
        }
        for (int i = 0; i < numberIds.size(); i++) {
            rows.inBody(PlotNumber.class, numberIds.get(i), "plotNumberIds[" + i + "]", "plot number");
        }
        if (!em.createNamedQuery(EstatePlot.OF_ESTATE_AND_SIZE)
                .setParameter("estate", estate.id())
                .setParameter("size", plotSize.id())
                .getResultList()
                .isEmpty()) {
            throw Conflict.ESTATE_PLOT_SIZE.problem();
        }
        if (!numberIds.isEmpty()
                && !em.createQuery(
                                "select n.id from EstatePlotNumber n where n.estateId = :estate and n.plotNumberId in :numbers")
                        .setParameter("estate", estate.id())
                        .setParameter("numbers", numberIds)
                        .getResultList()
                        .isEmpty()) {
            throw Conflict.PLOT_NUMBER_LAID_OUT.problem();
        }
        EstatePlot plot = new EstatePlot(estate.id(), plotSize.id(), request.totalUnits());
        em.persist(plot);
        numberIds.forEach(numberId -> em.persist(new EstatePlotNumber(estate.id(), plot.id(), numberId)));
        em.flush();
        activity.record(
                "PLOTS_ADDED",
                Subject.of("estate", estate.id(), estate.name()),
                request.totalUnits() + " units of " + plotSize.size() + ", " + numberIds.size() + " plot numbers");
        return plotsOf(estate.id(), plotSize.id()).get(0);
    }

    public List<EstatePlotView> listPlots(long estateId) {
        return plotsOf(rows.inPath(Estate.class, estateId, "estate").id(), null);
    }

    public EstatePlotView findPlot(long estateId, long plotSizeId) {
        List<EstatePlotView> plots =
                plotsOf(rows.inPath(Estate.class, estateId, "estate").id(), plotSizeId);
        if (plots.isEmpty()) {
            throw Problems.notFound("plot of this size in this estate");
        }
        return plots.get(0);
    }

    /** Four set-based reads for the whole estate, whatever its number of plots. */
    private List<EstatePlotView> plotsOf(long estateId, Long onlySize) {
        TypedQuery<EstatePlot> select = em.createQuery(
                        "select p from EstatePlot p where p.estateId = :estate"
                                + (onlySize == null ? "" : " and p.plotSizeId = :size") + " order by p.id",
                        EstatePlot.class)
                .setParameter("estate", estateId);
        if (onlySize != null) {
            select.setParameter("size", onlySize);
        }
        List<EstatePlot> plots = select.getResultList();
        if (plots.isEmpty()) {
            return List.of();
        }
        Map<Long, PlotSize> sizes = em.createQuery("select s from PlotSize s where s.id in :ids", PlotSize.class)
                .setParameter("ids", plots.stream().map(EstatePlot::plotSizeId).toList())
                .getResultStream()
                .collect(Collectors.toMap(PlotSize::id, Function.identity()));
        List<Object[]> numbers = em.createQuery(
                        "select n.estatePlotId, pn.id, pn.number from EstatePlotNumber n, PlotNumber pn"
                                + " where n.estateId = :estate and pn.id = n.plotNumberId order by pn.numberKey",
                        Object[].class)
                .setParameter("estate", estateId)
                .getResultList();
        Set<Long> allocated = new HashSet<>(em.createQuery(
                        "select a.plotNumberId from Allocation a"
                                + " where a.estateId = :estate and a.plotNumberId is not null",
                        Long.class)
                .setParameter("estate", estateId)
                .getResultList());
        return plots.stream()
                .map(plot -> new EstatePlotView(
                        plot.plotSizeId(),
                        sizes.get(plot.plotSizeId()).size(),
                        plot.totalUnits(),
                        plot.availableUnits(),
                        numbers.stream()
                                .filter(row -> row[0].equals(plot.id()))
                                .map(row -> new PlotNumberState(
                                        (Long) row[1], (String) row[2], allocated.contains((Long) row[1])))
                                .toList()))
                .toList();
    }

    private boolean exists(String jpql, String key) {
        return !em.createQuery(jpql)
                .setParameter("key", key)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private <E, V> Page<V> page(
            Class<E> type, PageRequest page, java.util.function.ToLongFunction<E> id, Function<E, V> view) {
        List<E> rows = em.createQuery(
                        "select x from " + type.getSimpleName() + " x where x.id > :after order by x.id", type)
                .setParameter("after", page.after())
                .setMaxResults(page.limit() + 1)
                .getResultList();
        return Page.of(rows, page, id, view);
    }
}
