package ir.hamyar.bot.config;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.data.repository.Repository;

/**
 * Keeps the repositories created on first use when the application runs from Spring AOT's generated code.
 * Spring Data makes lazy repositories ({@code BootstrapMode.LAZY}, see HamyarApplication) by installing, while it
 * registers them, a resolver that injects a lazy proxy in their place. With AOT that registration happened at build
 * time, so the resolver was never installed at run time and every repository was created during the start (a JFR
 * recording of an AOT start: a third of the main thread parsing JPQL), which cancelled AOT's gain. This installs
 * the same behaviour at run time, with AOT only; without AOT Spring Data's own resolver does it.
 */
final class LazyRepositoriesUnderAot implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (AotDetector.useGeneratedArtifacts() && beanFactory instanceof DefaultListableBeanFactory beans) {
            beans.setAutowireCandidateResolver(new Resolver(beans));
        }
    }

    /** A lazy proxy for an injected repository whose bean is lazy; everything else as Spring resolves it. */
    static final class Resolver extends ContextAnnotationAutowireCandidateResolver {

        private final DefaultListableBeanFactory beans;

        Resolver(DefaultListableBeanFactory beans) {
            this.beans = beans;
        }

        @Override
        protected boolean isLazy(DependencyDescriptor descriptor) {
            if (super.isLazy(descriptor)) {
                return true;
            }
            Class<?> type = descriptor.getDependencyType();
            if (!Repository.class.isAssignableFrom(type)) {
                return false;
            }
            String[] names = beans.getBeanNamesForType(type, true, false);
            return names.length == 1 && beans.containsBeanDefinition(names[0])
                    && beans.getBeanDefinition(names[0]).isLazyInit();
        }
    }
}
